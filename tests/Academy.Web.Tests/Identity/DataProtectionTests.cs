using System.Net;
using System.Net.Http.Headers;

namespace Academy.Web.Tests.Identity;

public sealed class DataProtectionTests
{
    [Fact]
    public async Task SignIn_SurvivesARestart_BecauseTheKeyRingIsInTheDatabase()
    {
        await using var first = AcademySite.Create();
        var client = first.CreateAnonymousClient();
        var signIn = await Forms.PostAsync(client, "/account/sign-in", new() { ["Input.Email"] = AcademySite.AdminEmail, ["Input.Password"] = AcademySite.AdminPassword });
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("Academy.Session=", StringComparison.Ordinal)).Split(';')[0];
        await first.StopKeepingDataAsync();

        await using var second = AcademySite.Create(first.DataFolder, ownsFolder: true);
        var returning = second.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        var request = new HttpRequestMessage(HttpMethod.Get, "/admin/users");
        request.Headers.Add("Cookie", cookie);

        var response = await returning.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
