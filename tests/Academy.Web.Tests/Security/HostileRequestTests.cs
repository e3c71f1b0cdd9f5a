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
    public async Task Post_NulCharacterInAField_Answers400WithTheErrorPage(string path)
    {
        var client = site.CreateAnonymousClient();
        var token = Forms.AntiForgeryToken(await client.GetStringAsync(path))!;
        var content = new StringContent($"Email=a%00b%40trust.test&Input.Email=a%00b%40trust.test&Input.Password=x&__RequestVerificationToken={Uri.EscapeDataString(token)}",
            Encoding.UTF8, "application/x-www-form-urlencoded");

        var response = await client.PostAsync(path, content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<h1>There was a problem with your request</h1>", await response.Content.ReadAsStringAsync());
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
}
