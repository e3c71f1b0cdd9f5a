using System.Net;
using System.Text;

namespace Academy.Web.Tests.Security;

/// Issue 8, point 6: a request the site refuses gets the error page with the refusal's status, never a 500, and
/// addresses and methods the site does not serve say so.
public sealed class HostileRequestTests(AcademySite site) : IClassFixture<AcademySite>
{
    [Fact]
    public async Task Post_MalformedMultipartBodyToTheSignInPage_Answers400WithTheErrorPage()
    {
        var client = site.CreateAnonymousClient();
        await client.GetAsync("/account/sign-in");
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes("--XYZ\r\nContent-Disposition: form-data; name=\"Input.Email\"\r\n\r\nunterminated"));
        content.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=XYZ");

        var response = await client.PostAsync("/account/sign-in", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<h1>There was a problem with your request</h1>", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/account/forgot-password")]
    [InlineData("/account/sign-in")]
    public async Task Post_NulCharacterInAField_ShowsTheFormAgainWithAnError(string path)
    {
        var client = site.CreateAnonymousClient();
        var token = Forms.AntiForgeryToken(await client.GetStringAsync(path))!;
        var content = new StringContent($"Email=a%00b%40trust.test&Input.Email=a%00b%40trust.test&Input.Password=x&__RequestVerificationToken={Uri.EscapeDataString(token)}",
            Encoding.UTF8, "application/x-www-form-urlencoded");

        var response = await client.PostAsync(path, content);

        // The form reader refuses a NUL outright; the site hands the page a character its fields refuse instead, so the
        // person sees their form again with the error beside the field rather than a bare error page.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("There is a problem", html);
        Assert.Contains("nhsuk-error-message", html);
    }

    [Theory]
    [InlineData("/error")]
    [InlineData("/error/500")]
    public async Task Get_TheErrorPageDirectly_IsNotFoundNot500(string path)
    {
        var response = await site.CreateAnonymousClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("<h1>Page not found</h1>", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/account/sign-in")]
    [InlineData("/health")]
    [InlineData("/api/exemplars/blueprints")]
    [InlineData("/no-such-page")]
    public async Task Trace_AnyAddress_Is405(string path)
    {
        var response = await site.CreateAnonymousClient().SendAsync(new HttpRequestMessage(HttpMethod.Trace, path));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.DoesNotContain("TRACE", response.Content.Headers.Allow);
    }

    [Theory]
    [InlineData("PUT", "/account/sign-in", "GET, HEAD, POST")]
    [InlineData("OPTIONS", "/account/sign-in", "GET, HEAD, POST")]
    [InlineData("DELETE", "/health", "GET, HEAD")]
    [InlineData("POST", "/api/exemplars/blueprints", "GET")]
    public async Task Method_ThatTheAddressDoesNotServe_Is405WithTheMethodsItDoes(string method, string path, string allow)
    {
        var response = await site.CreateAnonymousClient().SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(allow.Split(", ").Order(), response.Content.Headers.Allow.Order());
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    public async Task Method_ToAnAddressNothingServes_IsNotFound(string method)
    {
        var response = await site.CreateAnonymousClient().SendAsync(new HttpRequestMessage(new HttpMethod(method), "/no-such-page"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Api_WithoutSigningIn_Answers401AsProblemJson()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/exemplars/blueprints");
        request.Headers.Accept.ParseAdd("application/json");

        var response = await site.CreateAnonymousClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"status\":401", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Api_WithoutTheRole_Answers403AsProblemJson()
    {
        var learner = await site.SignInAsNewUserAsync("api.learner@trust.test", [Roles.Learner]);

        var response = await learner.GetAsync("/api/exemplars/portfolio");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"status\":403", await response.Content.ReadAsStringAsync());
    }
}

/// Issue 8, point 6: cookies are Secure whenever the site is reached over HTTPS or its public address is https.
public sealed class SecureCookieTests
{
    [Fact]
    public async Task Cookies_WhenThePublicUrlIsHttps_AreSecureEvenOnAPlainHttpRequest()
    {
        await using var site = AcademySite.Create(overrides: new Dictionary<string, string?> { ["Academy:PublicUrl"] = "https://academy.example.nhs.uk/" });

        var response = await site.CreateAnonymousClient().GetAsync("/account/sign-in");

        var antiforgery = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        Assert.Contains("secure", antiforgery, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Cookies_OverHttps_AreSecureForTheSessionAndAntiForgery()
    {
        await using var site = AcademySite.Create();
        var client = site.CreateAnonymousClient(new Uri("https://localhost"));
        var page = await client.GetAsync("/account/sign-in");
        var token = Forms.AntiForgeryToken(await page.Content.ReadAsStringAsync())!;

        var signedIn = await client.PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = AcademySite.AdminEmail, ["Input.Password"] = AcademySite.AdminPassword, ["__RequestVerificationToken"] = token,
        }));

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Contains("secure", Assert.Single(page.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal)), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", Assert.Single(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("Academy.Session=", StringComparison.Ordinal)), StringComparison.OrdinalIgnoreCase);
    }
}
