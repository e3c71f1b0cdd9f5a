using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Academy.Web.Tests.Notifications;

/// A stand-in for SendGrid's API at the edge of the machine: Kestrel on 127.0.0.1 answering
/// POST /v3/mail/send as SendGrid does, so the real SendGrid client can be aimed at it.
public sealed class FakeSendGrid : IAsyncDisposable
{
    private readonly WebApplication app;
    private int failuresLeft;

    public ConcurrentQueue<ReceivedMail> Received { get; } = new();
    public int Requests;

    private FakeSendGrid(WebApplication app) => this.app = app;

    public string Address => app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    /// The next <paramref name="count"/> requests get a 500, as SendGrid gives during an outage.
    public void FailNext(int count) => failuresLeft = count;

    public static async Task<FakeSendGrid> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeSendGrid(app);
        app.MapPost("/v3/mail/send", async (HttpRequest request) =>
        {
            Interlocked.Increment(ref fake.Requests);
            if (Interlocked.Decrement(ref fake.failuresLeft) >= 0)
                return Results.Json(new { errors = new[] { new { message = "Service unavailable" } } }, statusCode: 500);
            var body = await JsonDocument.ParseAsync(request.Body);
            fake.Received.Enqueue(new ReceivedMail(request.Headers.Authorization.ToString(), body));
            return Results.StatusCode(202);
        });
        await app.StartAsync();
        return fake;
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}

public sealed record ReceivedMail(string Authorization, JsonDocument Body);
