using Academy.Learning.Courses;
using Academy.Learning.Progress;
using Academy.Xapi.Contracts;

namespace Academy.Learning.Tests.Progress;

/// The rules on their own, for what is hard to arrange through the LRS (clock skew, durations, wording).
public sealed class ProgressRulesTests
{
    private static FeedStatement At(DateTimeOffset when, TimeSpan? duration = null, DateTimeOffset? stored = null) => new()
    {
        Position = 1, Id = Guid.NewGuid(), Actor = null, VerbId = LearningActivities.Verbs.Experienced, ObjectType = "Activity",
        Timestamp = when, Stored = stored ?? when, Duration = duration, Json = "{}",
    };

    private static readonly DateTimeOffset Nine = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void TimeSpent_AcrossTwoSittings_AddsEachSittingAndNotTheTimeAway() =>
        Assert.Equal(TimeSpan.FromMinutes(25), ProgressRules.TimeSpent([At(Nine), At(Nine.AddMinutes(20)), At(Nine.AddDays(3)), At(Nine.AddDays(3).AddMinutes(5))]));

    [Fact]
    public void TimeSpent_WithADurationInsideAnotherDuration_CountsTheOverlapOnce() =>
        Assert.Equal(TimeSpan.FromMinutes(10), ProgressRules.TimeSpent([At(Nine.AddMinutes(10), TimeSpan.FromMinutes(10)), At(Nine.AddMinutes(8), TimeSpan.FromMinutes(3))]));

    [Fact]
    public void TimeSpent_WithAnAbsurdDuration_CountsAtMostEightHours() =>
        Assert.Equal(ProgressRules.LongestDuration, ProgressRules.TimeSpent([At(Nine, TimeSpan.FromDays(40))]));

    [Fact]
    public void When_TimestampAheadOfTheLrsClock_IsTheStoredTime() =>
        Assert.Equal(Nine, ProgressRules.When(At(Nine.AddYears(1), stored: Nine)));

    [Theory]
    [InlineData("page,page,quiz", "Read both lessons and pass the quiz \u2018Lesson 3\u2019 (pass mark 80%).")]
    [InlineData("page,video,page", "Read or watch all 3 lessons.")]
    [InlineData("video", "Watch the lesson.")]
    [InlineData("quiz,quiz", "Pass all 2 quizzes.")]
    [InlineData("", "This course has no lessons yet.")]
    public void Describe_SaysWhatTheRuleNeeds(string kinds, string expected)
    {
        var section = new Section { Position = 1 };
        var position = 1;
        foreach (var kind in kinds.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var k = Enum.Parse<LessonKind>(kind, ignoreCase: true);
            section.Lessons.Add(new Lesson { Position = position, Slug = $"l{position}", Title = $"Lesson {position++}", Kind = k, PassMark = k == LessonKind.Quiz ? 80 : null });
        }

        Assert.Equal(expected, ProgressRules.Describe(new Course { Sections = [section] }));
    }
}
