using Academy.Notifications.Data;
using Microsoft.Extensions.Options;
using SendGrid;
using SendGrid.Helpers.Mail;

namespace Academy.Notifications.Email;

internal sealed class SendGridEmailSender(ISendGridClient client, IOptions<EmailOptions> options) : IEmailSender
{
    public async Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var from = new EmailAddress(options.Value.FromAddress, options.Value.FromName);
        var mail = MailHelper.CreateSingleEmail(from, new EmailAddress(message.To), message.Subject, message.TextBody, message.HtmlBody);
        // SendGrid de-duplicates nothing itself; the outbox id in a custom arg lets a support person trace a message.
        mail.AddCustomArg("academy_outbox_id", message.Id.ToString());
        var response = await client.SendEmailAsync(mail, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Body.ReadAsStringAsync(cancellationToken);
            throw new InvalidOperationException($"SendGrid refused the message: {(int)response.StatusCode} {body}");
        }
    }
}
