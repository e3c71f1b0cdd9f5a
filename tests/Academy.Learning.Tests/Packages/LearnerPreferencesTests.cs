using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Academy.Learning.Courses;
using Academy.Learning.Packages;
using Academy.Learning.Tests.Support;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using static Academy.Learning.Tests.Support.Packages;

namespace Academy.Learning.Tests.Packages;

/// cmi5 learner preferences (issue 10 §3, cmi5 section 11): set on /learning/preferences, written into the LRS as the
/// cmi5LearnerPreferences agent profile before a unit is launched, and read there by the unit with its own credential.
public sealed class LearnerPreferencesTests(Cmi5LaunchFixture fixture) : IClassFixture<Cmi5LaunchFixture>
{
    private LearningSite Site => fixture.Site;
    private const string PreferencesUrl = "/learning/preferences";

    private async Task<(HttpClient Learner, string UserId, Course Course)> EnrolledAsync()
    {
        var xml = Structure(NewId("course"), "Preferences course", Au(NewId("au"), "https://content.example.org/prefs/unit.html", "launchMethod=\"OwnWindow\""));
        var courseId = CourseIdOf(await ImportAsync(fixture.Author, Encoding.UTF8.GetBytes(xml), "cmi5.xml"));
        var course = await Site.DbAsync(async db =>
        {
            var c = await db.Courses.SingleAsync(x => x.Id == courseId);
            (c.Status, c.PublishedAt) = (CourseStatus.Published, DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
            return c;
        });
        var email = Arrange.NewEmail("learner");
        var userId = await Site.CreateUserAsync(email, [Roles.Learner]);
        await Site.EnrolAsync(userId, course);
        return (await Site.SignInAsync(email, Arrange.Password), userId, course);
    }

    /// Launches the unit, takes the AU's token from the fetch URL, and reads the agent profile as the AU would.
    private async Task<HttpResponseMessage> AgentProfileAtLaunchAsync(HttpClient learner, Course course)
    {
        var launch = await Forms.PostAsync(learner, $"/learning/courses/{course.Slug}/units/au-1", new() { ["Mode"] = "Normal" });
        Assert.Equal(HttpStatusCode.Redirect, launch.StatusCode);
        var query = QueryHelpers.ParseQuery(launch.Headers.Location!.Query);
        var fetched = await Site.CreateAnonymousClient().PostAsync(new Uri(query["fetch"]!).PathAndQuery, null);
        var token = JsonNode.Parse(await fetched.Content.ReadAsStringAsync())!["auth-token"]!.GetValue<string>();
        var au = Site.CreateAnonymousClient();
        au.DefaultRequestHeaders.Add("X-Experience-API-Version", "1.0.3");
        au.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", token);
        return await au.GetAsync($"/xapi/agents/profile?agent={Uri.EscapeDataString(query["actor"]!)}&profileId={Cmi5Iris.LearnerPreferencesProfileId}");
    }

    [Fact]
    public async Task Launch_AfterTheLearnerSetTheirPreferences_WritesTheCmi5LearnerPreferencesAgentProfile()
    {
        var (learner, _, course) = await EnrolledAsync();
        var saved = await Forms.PostAsync(learner, PreferencesUrl, new() { ["LanguagePreference"] = " cy , en-GB ", ["AudioPreference"] = "off" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = await learner.GetStringAsync(saved.Headers.Location!.OriginalString);
        Assert.Contains("Your preferences are saved", page);
        Assert.Contains("value=\"cy,en-GB\"", page);

        var profile = await AgentProfileAtLaunchAsync(learner, course);

        Assert.Equal(HttpStatusCode.OK, profile.StatusCode);
        var document = JsonNode.Parse(await profile.Content.ReadAsStringAsync())!;
        Assert.Equal("cy,en-GB", document["languagePreference"]!.GetValue<string>());
        Assert.Equal("off", document["audioPreference"]!.GetValue<string>());
    }

    [Fact]
    public async Task Launch_WithOnlyASoundPreference_WritesOnlyThat()
    {
        var (learner, _, course) = await EnrolledAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(learner, PreferencesUrl, new() { ["LanguagePreference"] = "", ["AudioPreference"] = "on" })).StatusCode);

        var document = JsonNode.Parse(await (await AgentProfileAtLaunchAsync(learner, course)).Content.ReadAsStringAsync())!.AsObject();

        Assert.Equal("on", document["audioPreference"]!.GetValue<string>());
        Assert.False(document.ContainsKey("languagePreference"));
    }

    [Fact]
    public async Task Launch_WithoutPreferences_WritesNoAgentProfile()
    {
        var (learner, _, course) = await EnrolledAsync();

        var profile = await AgentProfileAtLaunchAsync(learner, course);

        Assert.Equal(HttpStatusCode.NotFound, profile.StatusCode);
    }

    [Theory]
    [InlineData("english please", "loud", "is not one")]
    [InlineData("en-GB,cy,EN-gb", "sideways", "Enter each language once")]
    public async Task Preferences_WithAnInvalidLanguageAndSound_ShowBothErrorsInFieldOrderAndSaveNothing(string languages, string audio, string languageError)
    {
        var (learner, userId, _) = await EnrolledAsync();

        var response = await Forms.PostAsync(learner, PreferencesUrl, new() { ["LanguagePreference"] = languages, ["AudioPreference"] = audio });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var summary = html[html.IndexOf("nhsuk-error-summary", StringComparison.Ordinal)..];
        var language = summary.IndexOf(languageError, StringComparison.Ordinal);
        var sound = summary.IndexOf("Select whether units start with sound on or off", StringComparison.Ordinal);
        Assert.True(language >= 0 && sound > language, "both errors, the languages' first");
        Assert.Contains("id=\"AudioPreference-error\"", html);
        Assert.Equal(0, await Site.DbAsync(db => db.LearnerPreferences.CountAsync(p => p.UserId == userId)));
    }
}
