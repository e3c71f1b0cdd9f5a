using System.Text;
using Academy.Notifications.Data;
using Microsoft.Extensions.Options;

namespace Academy.Notifications.Email;

/// With no SendGrid key, each message is written as an .eml file into the data folder's
/// mail-pickup folder, where a developer (or a test) can read what would have been sent.
public sealed class PickupFolderEmailSender(string folder, IOptions<EmailOptions> options) : IEmailSender
{
    public string Folder { get; } = folder;

    public async Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        var eml = new StringBuilder()
            .Append("From: ").Append(options.Value.FromName).Append(" <").Append(options.Value.FromAddress).Append(">\r\n")
            .Append("To: ").Append(message.To).Append("\r\n")
            .Append("Subject: ").Append(message.Subject).Append("\r\n")
            .Append("Message-ID: <").Append(message.Id).Append("@academy>\r\n")
            .Append("Date: ").Append(message.CreatedAt.ToString("r")).Append("\r\n")
            .Append("Content-Type: text/plain; charset=utf-8\r\n\r\n")
            .Append(message.TextBody).Append("\r\n")
            .ToString();
        // Write then rename, so a reader never sees half a message; the id makes a retry overwrite, not duplicate.
        var path = Path.Combine(Folder, message.Id + ".eml");
        var temp = path + ".tmp";
        await File.WriteAllTextAsync(temp, eml, cancellationToken);
        File.Move(temp, path, overwrite: true);
    }
}
