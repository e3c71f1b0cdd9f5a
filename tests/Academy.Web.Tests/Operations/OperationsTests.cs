using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Academy.Identity.Data;
using Academy.Modules;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Web.Tests.Operations;

public sealed partial class OperationsTests(AcademySite site) : IClassFixture<AcademySite>
{
    [Fact]
    public async Task Get_Health_ReportsDatabaseAndJobServer()
    {
        var client = site.CreateAnonymousClient();
        HttpResponseMessage response = null!;
        // The job server's first heartbeat comes a moment after start.
        for (var i = 0; i < 20; i++)
        {
            response = await client.GetAsync("/health");
            if (response.StatusCode == HttpStatusCode.OK) break;
            await Task.Delay(500);
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", json.RootElement.GetProperty("status").GetString());
        Assert.Equal("Healthy", json.RootElement.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("Healthy", json.RootElement.GetProperty("checks").GetProperty("jobs").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Get_Page_CarriesSecurityHeadersAndTheScriptNonce()
    {
        var response = await site.CreateAnonymousClient().GetAsync("/account/sign-in");
        var html = await response.Content.ReadAsStringAsync();

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        var nonce = NoncePattern().Match(csp).Groups[1].Value;
        Assert.NotEmpty(nonce);
        Assert.Contains("default-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Equal(2, Regex.Matches(html, $"<script[^>]*nonce=\"{Regex.Escape(nonce)}\"").Count);
        Assert.Equal(Regex.Matches(html, "<script").Count, Regex.Matches(html, "<script[^>]*nonce=").Count);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Theory]
    [InlineData("/lib/nhsuk/nhsuk-frontend.min.css", "text/css")]
    [InlineData("/lib/nhsuk/nhsuk-frontend.min.js", "text/javascript")]
    [InlineData("/css/academy.css", "text/css")]
    [InlineData("/assets/images/favicon.svg", "image/svg+xml")]
    public async Task Get_ThemeFile_IsServedFromTheNhsukFrontendPackage(string path, string contentType)
    {
        var response = await site.CreateAnonymousClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Get_OverHttp_WhenHttpsIsConfigured_RedirectsToHttps()
    {
        await using var secure = AcademySite.Create(overrides: new Dictionary<string, string?>
        {
            ["Academy:Https:Redirect"] = "true", ["https_port"] = "443",
        });

        var response = await secure.CreateAnonymousClient().GetAsync("/accessibility-statement");

        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.Equal("https", response.Headers.Location!.Scheme);
    }

    [Fact]
    public async Task Get_UnknownPage_ShowsTheNhsPageNotFound()
    {
        var response = await site.CreateAnonymousClient().GetAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<h1>Page not found</h1>", html);
        Assert.Contains("nhsuk-header", html);
    }

    [Fact]
    public async Task Get_PageThatFails_ShowsTheNhsErrorPageWithoutAStackTrace()
    {
        using var failing = site.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddScoped<ITrustDirectory, BrokenTrustDirectory>()));
        var adminId = await failing.Services.CreateScope().ServiceProvider.GetRequiredService<UserManager<AcademyUser>>()
            .FindByEmailAsync(AcademySite.AdminEmail).ContinueWith(t => t.Result!.Id);
        var client = failing.CreateClient(new() { AllowAutoRedirect = false });
        await Forms.PostAsync(client, "/account/sign-in", new() { ["Input.Email"] = AcademySite.AdminEmail, ["Input.Password"] = AcademySite.AdminPassword });

        var response = await client.GetAsync($"/admin/users/{adminId}");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Sorry, there is a problem with the service", html);
        Assert.DoesNotContain("Secret internal detail", html);
        Assert.DoesNotContain("at Academy.", html);
    }

    private sealed class BrokenTrustDirectory : ITrustDirectory
    {
        public Task<IReadOnlyList<TrustSummary>> ListAsync(CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("Secret internal detail");
    }

    [GeneratedRegex("'nonce-([^']+)'")]
    private static partial Regex NoncePattern();
}
