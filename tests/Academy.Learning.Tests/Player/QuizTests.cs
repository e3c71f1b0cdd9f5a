using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Academy.Learning.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Academy.Learning.Tests.Player;

/// The quiz: graded on the server in one place for both paths, attempt limits, bad answers.
public sealed class QuizTests(PlayerSite site) : IClassFixture<PlayerSite>
{
    private static string Slug() => "quiz-" + Guid.NewGuid().ToString("N")[..8];

    private static string QuizUrl(string slug) => $"/learning/courses/{slug}/lessons/check";

    private static Task<HttpResponseMessage> AnswerAsync(HttpClient client, string slug, string handler, params (string Field, string Value)[] answers)
    {
        var fields = answers.Select(a => new KeyValuePair<string, string>(a.Field, a.Value)).ToList();
        return PostFieldsAsync(client, QuizUrl(slug) + "?handler=" + handler, QuizUrl(slug), fields);
    }

    /// Posts repeated fields (checkboxes) with the page's anti-forgery token.
    private static async Task<HttpResponseMessage> PostFieldsAsync(HttpClient client, string url, string pageUrl, List<KeyValuePair<string, string>> fields)
    {
        var page = await client.GetAsync(pageUrl);
        var token = Forms.AntiForgeryToken(await page.Content.ReadAsStringAsync()) ?? throw new InvalidOperationException($"No token on {pageUrl} ({(int)page.StatusCode}).");
        fields.Add(new("__RequestVerificationToken", token));
        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    private static readonly (string, string)[] Right = [("question-1", "2"), ("question-2", "1"), ("question-2", "3")];
    private static readonly (string, string)[] Wrong = [("question-1", "1"), ("question-2", "1"), ("question-2", "3")];

    [Fact]
    public async Task GetQuiz_BeforeAnAttempt_ShowsTheQuestionsInOrderWithoutTheCorrectAnswersOrFeedback()
    {
        var course = await site.CourseAsync(Slug());
        var (client, _, _) = await site.LearnerAsync(course);

        var html = await (await client.GetAsync(QuizUrl(course.Slug))).Content.ReadAsStringAsync();

        Assert.True(html.IndexOf("Where do you report phishing?", StringComparison.Ordinal) < html.IndexOf("Which are signs of phishing?", StringComparison.Ordinal));
        Assert.True(html.IndexOf("Reply to the sender", StringComparison.Ordinal) < html.IndexOf("spamreports@nhs.net", StringComparison.Ordinal));
        Assert.DoesNotContain("FEEDBACK-", html);
        Assert.DoesNotContain("correctResponsesPattern", html);
        Assert.Contains("type=\"radio\" value=\"2\"", html);
        Assert.Contains("type=\"checkbox\" value=\"3\"", html);
    }

    [Fact]
    public async Task PostAnswers_WithoutJavaScript_StoresAnsweredPerQuestionThenFailedAndCompleted_AndShowsTheFeedback()
    {
        var course = await site.CourseAsync(Slug());
        var (client, _, enrolment) = await site.LearnerAsync(course);

        var response = await AnswerAsync(client, course.Slug, "Answers", Wrong);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(QuizUrl(course.Slug) + "?attempt=1#result", response.Headers.Location!.ToString());
        var result = await (await client.GetAsync(QuizUrl(course.Slug) + "?attempt=1")).Content.ReadAsStringAsync();
        Assert.Contains("You did not pass this time", result);
        Assert.Contains("you answered 1 of 2 questions correctly (50%)", result);
        Assert.Contains("FEEDBACK-1-1", result);
        Assert.Contains("FEEDBACK-2-3", result);
        Assert.DoesNotContain("FEEDBACK-1-2", result);
        Assert.Contains(">Try again</a>", result);

        var statements = await site.StatementsAsync(enrolment.Registration);
        Assert.Equal(["launched", "answered", "answered", "failed", "completed"], PlayerSite.Verbs(statements));
        var first = statements[1];
        var lessonId = $"{LearningActivities.DefaultBase}/courses/{course.Slug}/lessons/check";
        Assert.Equal(lessonId + "/questions/1", first["object"]!["id"]!.GetValue<string>());
        var definition = first["object"]!["definition"]!;
        Assert.Equal(LearningActivities.Types.Question, definition["type"]!.GetValue<string>());
        Assert.Equal("choice", definition["interactionType"]!.GetValue<string>());
        Assert.Equal(["1", "2", "3"], definition["choices"]!.AsArray().Select(c => c!["id"]!.GetValue<string>()));
        Assert.Equal("2", definition["correctResponsesPattern"]![0]!.GetValue<string>());
        Assert.Equal("1", first["result"]!["response"]!.GetValue<string>());
        Assert.False(first["result"]!["success"]!.GetValue<bool>());
        Assert.Equal(lessonId, first["context"]!["contextActivities"]!["parent"]![0]!["id"]!.GetValue<string>());
        Assert.Equal(enrolment.Registration.ToString(), first["context"]!["registration"]!.GetValue<string>());
        Assert.Equal("1[,]3", statements[2]["result"]!["response"]!.GetValue<string>());
        Assert.True(statements[2]["result"]!["success"]!.GetValue<bool>());
        var score = statements[3]["result"]!["score"]!;
        Assert.Equal(0.5, score["scaled"]!.GetValue<double>());
        Assert.Equal(1, score["raw"]!.GetValue<double>());
        Assert.Equal(0, score["min"]!.GetValue<double>());
        Assert.Equal(2, score["max"]!.GetValue<double>());
        Assert.Equal(lessonId, statements[3]["object"]!["id"]!.GetValue<string>());
        Assert.Equal(LearningActivities.Types.Quiz, statements[3]["object"]!["definition"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task PostAnswers_RightAtTheSecondAttempt_StoresPassedWithFullScore_AndNoThirdAttemptIsTaken()
    {
        var course = await site.CourseAsync(Slug());
        var (client, _, enrolment) = await site.LearnerAsync(course);

        await AnswerAsync(client, course.Slug, "Answers", Wrong);
        var second = await AnswerAsync(client, course.Slug, "Answers", Right);
        var third = await AnswerAsync(client, course.Slug, "Answers", Right);

        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, third.StatusCode);
        Assert.Contains("You have already passed this quiz", await third.Content.ReadAsStringAsync());
        var verbs = PlayerSite.Verbs(await site.StatementsAsync(enrolment.Registration));
        Assert.Equal(["launched", "answered", "answered", "failed", "completed", "answered", "answered", "passed", "completed"], verbs);
        Assert.Equal(2, await site.DbAsync(db => db.QuizAttempts.CountAsync(a => a.EnrolmentId == enrolment.Id)));
    }

    [Fact]
    public async Task PostAnswers_BeyondMaxAttempts_IsRefusedAndStoresNothing()
    {
        var course = await site.CourseAsync(Slug(), maxAttempts: 1);
        var (client, _, enrolment) = await site.LearnerAsync(course);
        await AnswerAsync(client, course.Slug, "Answers", Wrong);
        var before = (await site.StatementsAsync(enrolment.Registration)).Count;

        var form = await AnswerAsync(client, course.Slug, "Answers", Right);
        var json = await AnswerAsync(client, course.Slug, "Grade", Right);

        Assert.Equal(HttpStatusCode.Conflict, form.StatusCode);
        Assert.Contains("You have used all your attempts at this quiz", await form.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Conflict, json.StatusCode);
        Assert.Equal(before, (await site.StatementsAsync(enrolment.Registration)).Count);
        Assert.Equal(1, await site.DbAsync(db => db.QuizAttempts.CountAsync(a => a.EnrolmentId == enrolment.Id)));
        var page = await (await client.GetAsync(QuizUrl(course.Slug))).Content.ReadAsStringAsync();
        Assert.Contains("You have used all 1 of your attempts at this quiz", page);
        Assert.DoesNotContain("Submit answers", page);
    }

    [Theory]
    [InlineData("question-1", "9", "Answer question 1 with one of its options")]
    [InlineData("question-1", "2\u0007", "Answer question 1 with one of its options")]
    [InlineData("question-1", "\u001b2", "Answer question 1 with one of its options")]
    [InlineData("question-1", "-1", "Answer question 1 with one of its options")]
    [InlineData("question-1", "", "Answer question 1 with one of its options")]
    public async Task PostAnswers_AValueThatIsNotAnOption_ShowsTheErrorBesideTheQuestionAndStoresNothing(string field, string value, string message)
    {
        var course = await site.CourseAsync(Slug());
        var (client, _, enrolment) = await site.LearnerAsync(course);

        var response = await AnswerAsync(client, course.Slug, "Answers", (field, value), ("question-2", "1"));

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        await Html.AssertHasFieldErrorAsync(response, field, message);
        Assert.Equal(["launched"], PlayerSite.Verbs(await site.StatementsAsync(enrolment.Registration)));
        Assert.Equal(0, await site.DbAsync(db => db.QuizAttempts.CountAsync(a => a.EnrolmentId == enrolment.Id)));
    }

    [Fact]
    public async Task PostAnswers_WithANulCharacter_ShowsTheQuizAgainWithTheErrorAndStoresNothing()
    {
        var course = await site.CourseAsync(Slug());
        var (client, _, enrolment) = await site.LearnerAsync(course);

        // The form reader refuses a NUL outright; the site hands the page a character no option has instead, so the
        // learner sees the quiz again with the error beside the question (a 400), not a bare error page.
        var response = await AnswerAsync(client, course.Slug, "Answers", ("question-1", "2\u0000"), ("question-2", "1"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await Html.AssertHasFieldErrorAsync(response, "question-1", "Answer question 1 with one of its options");
        Assert.Equal(0, await site.DbAsync(db => db.QuizAttempts.CountAsync(a => a.EnrolmentId == enrolment.Id)));
    }

    [Fact]
    public async Task PostAnswers_WithQuestionsLeftOutOrTwoAnswersToOne_ShowsErrorsInQuestionOrderAndKeepsTheChoices()
    {
        var course = await site.CourseAsync(Slug());
        var (client, _, _) = await site.LearnerAsync(course);

        var twoAnswers = await AnswerAsync(client, course.Slug, "Answers", ("question-1", "1"), ("question-1", "2"), ("question-2", "3"));
        var none = await AnswerAsync(client, course.Slug, "Answers");

        await Html.AssertHasFieldErrorAsync(twoAnswers, "question-1", "Select only one answer for question 1");
        Assert.Contains("type=\"checkbox\" value=\"3\" checked=\"checked\"", await twoAnswers.Content.ReadAsStringAsync());
        var html = await none.Content.ReadAsStringAsync();
        Assert.True(html.IndexOf("Select an answer for question 1", StringComparison.Ordinal) < html.IndexOf("Select at least one answer for question 2", StringComparison.Ordinal));
        await Html.AssertHasFieldErrorAsync(none, "question-2", "Select at least one answer for question 2");
    }

    [Fact]
    public async Task PostGrade_CountsTheAttemptAndReturnsItsStatementsForThePage_StoringNoneItself()
    {
        var course = await site.CourseAsync(Slug());
        var (client, _, enrolment) = await site.LearnerAsync(course);

        var response = await AnswerAsync(client, course.Slug, "Grade", Right);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True(body["passed"]!.GetValue<bool>());
        Assert.Equal(QuizUrl(course.Slug) + "?attempt=1#result", body["resultUrl"]!.GetValue<string>());
        var statements = body["statements"]!.AsArray();
        Assert.Equal(["answered", "answered", "passed", "completed"], statements.Select(s => s!["verb"]!["id"]!.GetValue<string>().Split('/')[^1]));
        Assert.Equal("1[,]3", statements[1]!["object"]!["definition"]!["correctResponsesPattern"]![0]!.GetValue<string>());
        Assert.Equal(["launched"], PlayerSite.Verbs(await site.StatementsAsync(enrolment.Registration)));
        Assert.Equal(1, await site.DbAsync(db => db.QuizAttempts.CountAsync(a => a.EnrolmentId == enrolment.Id && a.Passed)));
    }

    [Fact]
    public async Task PostGrade_WithAnUnansweredQuestion_Is400WithTheFieldsAndCountsNothing()
    {
        var course = await site.CourseAsync(Slug());
        var (client, _, enrolment) = await site.LearnerAsync(course);

        var response = await AnswerAsync(client, course.Slug, "Grade", ("question-1", "2"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("question-2", body["errors"]![0]!["field"]!.GetValue<string>());
        Assert.Equal(0, await site.DbAsync(db => db.QuizAttempts.CountAsync(a => a.EnrolmentId == enrolment.Id)));
    }

    [Fact]
    public async Task PostAnswers_WithoutTheAntiForgeryToken_IsRefused()
    {
        var course = await site.CourseAsync(Slug());
        var (client, _, enrolment) = await site.LearnerAsync(course);

        var response = await client.PostAsync(QuizUrl(course.Slug) + "?handler=Answers", new FormUrlEncodedContent([new("question-1", "2"), new("question-2", "1")]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await site.DbAsync(db => db.QuizAttempts.CountAsync(a => a.EnrolmentId == enrolment.Id)));
    }

    [Fact]
    public async Task GetQuiz_WithShuffle_ShowsTheSameOrderOnReloadAndEveryQuestion()
    {
        var course = await site.CourseAsync(Slug(), shuffle: true);
        var (client, _, _) = await site.LearnerAsync(course);

        var first = await (await client.GetAsync(QuizUrl(course.Slug))).Content.ReadAsStringAsync();
        var again = await (await client.GetAsync(QuizUrl(course.Slug))).Content.ReadAsStringAsync();

        static string Order(string html) => string.Join(",", System.Text.RegularExpressions.Regex.Matches(html, "name=\"(question-\\d)\" type=\"\\w+\" value=\"(\\d)\"").Select(m => m.Groups[1].Value + "=" + m.Groups[2].Value));
        Assert.Equal(Order(first), Order(again));
        Assert.Equal(6, Order(first).Split(',').Length);
    }
}
