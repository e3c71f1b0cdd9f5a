namespace Academy.Learning.Courses;

public enum CourseStatus { Draft, Published, Retired }

/// A course: sections of lessons, in a capability domain, with an estimated length and a validity period.
/// Every change goes through <see cref="CourseRules"/>, which keeps <see cref="Version"/> honest.
public sealed class Course
{
    public int Id { get; set; }
    /// The URL's and the recipe's name for the course, e.g. "digital-foundations"; also the last part of its xAPI activity id.
    public string Slug { get; set; } = "";
    public string Title { get; set; } = "";
    /// One or two sentences for the catalogue.
    public string Summary { get; set; } = "";
    public string Description { get; set; } = "";
    public CapabilityDomain Domain { get; set; }
    public int EstimatedMinutes { get; set; }
    /// How long a completion stays valid; 0: it never expires.
    public int ValidityMonths { get; set; }
    /// What completing the course needs, in words, shown on the course page.
    public string CompletionRule { get; set; } = "";
    public CourseStatus Status { get; set; }
    /// Starts at 1 and increases each time the content of a published course changes.
    public int Version { get; set; } = 1;
    public DateTimeOffset? PublishedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public List<Section> Sections { get; set; } = [];
}

public sealed class Section
{
    public int Id { get; set; }
    public int CourseId { get; set; }
    public Course Course { get; set; } = default!;
    public int Position { get; set; }
    public string Title { get; set; } = "";

    public List<Lesson> Lessons { get; set; } = [];
}

/// Au: an assignable unit of an imported cmi5 or Tin Can package (Packages/PackageAu holds its launch settings);
/// such lessons come only from an import, never from the authoring pages.
public enum LessonKind { Page, Video, Quiz, Au }

public sealed class Lesson
{
    public int Id { get; set; }
    public int SectionId { get; set; }
    public Section Section { get; set; } = default!;
    public int Position { get; set; }
    /// Unique within the course (checked by <see cref="CourseRules"/>); part of the lesson's URL and xAPI activity id.
    public string Slug { get; set; } = "";
    public string Title { get; set; } = "";
    public LessonKind Kind { get; set; }
    public int Minutes { get; set; }

    /// Page: the lesson's Markdown.
    public string? Markdown { get; set; }

    /// Video: the stored file's name under the data folder (see Courses/MediaStore), its MIME type,
    /// the WebVTT captions' stored name, and the transcript as Markdown.
    public string? VideoFile { get; set; }
    public string? VideoContentType { get; set; }
    public string? CaptionsFile { get; set; }
    public string? TranscriptMarkdown { get; set; }

    /// Quiz: the pass mark in percent, the attempts allowed (null: unlimited), and whether questions and options are shuffled.
    public int? PassMark { get; set; }
    public int? MaxAttempts { get; set; }
    public bool Shuffle { get; set; }

    public List<Question> Questions { get; set; } = [];

    /// Au: the unit's package settings (moveOn, launch URL...).
    public Packages.PackageAu? Unit { get; set; }
}

public sealed class Question
{
    public int Id { get; set; }
    public int LessonId { get; set; }
    public Lesson Lesson { get; set; } = default!;
    /// 1-based; part of the question's xAPI activity id, so it stays stable while the quiz is published.
    public int Position { get; set; }
    public string Text { get; set; } = "";
    /// True: the learner may choose several options (every correct one and no other is right).
    public bool Multiple { get; set; }

    public List<Option> Options { get; set; } = [];
}

public sealed class Option
{
    public int Id { get; set; }
    public int QuestionId { get; set; }
    public Question Question { get; set; } = default!;
    public int Position { get; set; }
    public string Text { get; set; } = "";
    public bool Correct { get; set; }
    /// Shown to the learner after they answer with this option.
    public string Feedback { get; set; } = "";
}
