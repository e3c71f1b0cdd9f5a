using Academy.Learning.Courses;

namespace Academy.Learning.Tests.Courses;

public sealed class CourseRulesTests
{
    private static CourseRules.CourseDetails Details(string? title = "Cyber basics", string? slug = "cyber-basics", string? domain = "technical-proficiency",
        string? minutes = "30", string? validity = "12") =>
        new(title, slug, "A summary.", "Some *Markdown*.", domain, minutes, validity, "Pass the quiz.");

    [Fact]
    public void CheckCourse_WithGoodDetails_FindsNothing() =>
        Assert.Empty(CourseRules.CheckCourse(Details(), slugTaken: false));

    [Theory]
    [InlineData("Cyber Basics")]
    [InlineData("cyber--basics")]
    [InlineData("-cyber")]
    [InlineData("../etc")]
    public void CheckCourse_WithASlugThatIsNotLowerCaseWordsAndHyphens_IsRefused(string slug)
    {
        var error = Assert.Single(CourseRules.CheckCourse(Details(slug: slug), slugTaken: false));
        Assert.Equal("Slug", error.Field);
    }

    [Fact]
    public void CheckCourse_WithEveryFieldWrong_ListsErrorsInFieldOrder()
    {
        var errors = CourseRules.CheckCourse(new(null, null, null, null, "not-a-domain", "ten", "-1", null), slugTaken: false);

        Assert.Equal(["Title", "Slug", "Summary", "Domain", "EstimatedMinutes", "ValidityMonths", "CompletionRule"], errors.Select(e => e.Field));
    }

    [Theory]
    [InlineData("Cyber\u0000basics")]
    [InlineData("Cyber\u001bbasics")]
    [InlineData("Cyber\nbasics")]
    public void CheckCourse_WithAControlCharacterInASingleLineField_IsRefused(string title)
    {
        var error = Assert.Single(CourseRules.CheckCourse(Details(title: title), slugTaken: false));
        Assert.Equal("Title must not contain control characters", error.Message);
    }

    [Fact]
    public void CheckCourse_ChangingTheSlugOfACourseThatHasBeenPublished_IsRefused()
    {
        var published = new Course { Slug = "cyber-basics", PublishedAt = DateTimeOffset.UtcNow };

        var error = Assert.Single(CourseRules.CheckCourse(Details(slug: "cyber-basics-2"), slugTaken: false, published));

        Assert.Contains("cannot change once the course has been published", error.Message);
    }

    [Fact]
    public void CheckQuestion_SingleChoiceWithTwoCorrectAnswers_IsRefused()
    {
        var errors = CourseRules.CheckQuestion(new("Which?", Multiple: false, [new("A", true, null), new("B", true, null)]));

        Assert.Equal("Mark only one answer as correct, or let learners choose more than one", Assert.Single(errors).Message);
    }

    [Fact]
    public void CheckQuestion_WithOneAnswerOnly_IsRefused() =>
        Assert.Equal("Enter at least 2 answers", Assert.Single(CourseRules.CheckQuestion(new("Which?", false, [new("A", true, null)]))).Message);

    [Fact]
    public void CheckQuestion_MultipleChoiceWithTwoCorrectAnswers_IsAccepted() =>
        Assert.Empty(CourseRules.CheckQuestion(new("Which?", Multiple: true, [new("A", true, null), new("B", true, "Yes"), new("C", false, "No")])));

    [Fact]
    public void CheckPublishable_ACourseWithoutLessons_IsRefused()
    {
        var course = new Course { Sections = [new Section { Title = "Empty" }] };

        var errors = CourseRules.CheckPublishable(course);

        Assert.Contains(errors, e => e.Message == "Add at least one lesson before publishing");
    }

    [Fact]
    public void CheckPublishable_AVideoWithoutCaptions_IsRefused()
    {
        var course = new Course { Sections = [new Section { Title = "S", Lessons = [new Lesson { Title = "Clip", Kind = LessonKind.Video, VideoFile = "a.mp4", TranscriptMarkdown = "Words" }] }] };

        Assert.Equal("The lesson \u201cClip\u201d has no captions", Assert.Single(CourseRules.CheckPublishable(course)).Message);
    }

    [Fact]
    public void Changed_APublishedCoursesContent_GivesItANewVersion()
    {
        var course = new Course { Title = "Before", Status = CourseStatus.Published, Version = 3 };
        var before = CourseRules.Fingerprint(course);

        course.Title = "After";
        var changed = CourseRules.Changed(course, before, DateTimeOffset.UtcNow);

        Assert.True(changed);
        Assert.Equal(4, course.Version);
    }

    [Fact]
    public void Changed_WhenNothingDiffers_KeepsTheVersionAndTheDate()
    {
        var updated = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var course = new Course { Title = "Same", Status = CourseStatus.Published, Version = 3, UpdatedAt = updated };
        var before = CourseRules.Fingerprint(course);

        var changed = CourseRules.Changed(course, before, DateTimeOffset.UtcNow);

        Assert.False(changed);
        Assert.Equal((3, updated), (course.Version, course.UpdatedAt));
    }

    [Fact]
    public void Changed_ADraft_KeepsItsVersion()
    {
        var course = new Course { Title = "Before", Status = CourseStatus.Draft, Version = 1 };
        var before = CourseRules.Fingerprint(course);

        course.Title = "After";
        CourseRules.Changed(course, before, DateTimeOffset.UtcNow);

        Assert.Equal(1, course.Version);
    }

    [Fact]
    public void Move_TheFirstItemUp_ChangesNothing()
    {
        var items = new List<Section> { new() { Position = 1 }, new() { Position = 2 } };

        Assert.False(CourseRules.Move(items, items[0], -1, s => s.Position, (s, p) => s.Position = p));
        Assert.True(CourseRules.Move(items, items[0], 1, s => s.Position, (s, p) => s.Position = p));
        Assert.Equal((2, 1), (items[0].Position, items[1].Position));
    }
}
