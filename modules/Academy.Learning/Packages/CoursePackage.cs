using Academy.Learning.Courses;

namespace Academy.Learning.Packages;

public enum PackageFormat { Cmi5, TinCan }

/// An imported package: the course it became, the publisher's structure (blocks and AUs, with cmi5's launch
/// settings), and where its files are (a folder of their own under the data folder, none for a standalone cmi5.xml).
/// A package course is an ordinary Course: a section per top-level block (top-level AUs share one), a lesson
/// of kind Au per AU, so the catalogue, enrolment, progress and certificates treat it like any other.
public sealed class CoursePackage
{
    public int Id { get; set; }
    public int CourseId { get; set; }
    public Course Course { get; set; } = default!;
    public PackageFormat Format { get; set; }
    /// The publisher's course id (cmi5) or the Tin Can course activity id.
    public string PublisherId { get; set; } = "";
    /// The folder name of the package's files under learning-packages/ (a random 32-hex name); null for a standalone XML.
    public string? Folder { get; set; }
    public string FileName { get; set; } = "";
    public long FileBytes { get; set; }
    public string ImportedBy { get; set; } = "";
    public DateTimeOffset ImportedAt { get; set; }

    public List<PackageBlock> Blocks { get; set; } = [];
    public List<PackageAu> Aus { get; set; } = [];
}

/// A cmi5 block. Its satisfied statement uses Academy's own id for it (<see cref="LearningActivities.Block"/> with <see cref="Position"/>).
public sealed class PackageBlock
{
    public int Id { get; set; }
    public int PackageId { get; set; }
    public CoursePackage Package { get; set; } = default!;
    public int? ParentBlockId { get; set; }
    public PackageBlock? Parent { get; set; }
    /// 1-based, in document order across the whole structure.
    public int Position { get; set; }
    public string PublisherId { get; set; } = "";
    public string Title { get; set; } = "";
}

/// A cmi5 AU (or a Tin Can activity with a launch file): one lesson of the course.
public sealed class PackageAu
{
    public int Id { get; set; }
    public int PackageId { get; set; }
    public CoursePackage Package { get; set; } = default!;
    public int LessonId { get; set; }
    public Lesson Lesson { get; set; } = default!;
    /// The innermost block holding the AU; null at the top level.
    public int? BlockId { get; set; }
    public PackageBlock? Block { get; set; }
    public string PublisherId { get; set; } = "";
    /// Absolute, or relative to the package folder.
    public string Url { get; set; } = "";
    public MoveOn MoveOn { get; set; }
    public decimal? MasteryScore { get; set; }
    public LaunchMethod LaunchMethod { get; set; }
    public string? LaunchParameters { get; set; }
    public string? EntitlementKey { get; set; }
    public string? ActivityType { get; set; }
    /// Tin Can: the publisher's activity id, which the content's statements are about (and progress reads). Null for
    /// cmi5, whose AU is told Academy's own id at launch.
    public string? TrackedActivityId { get; set; }
}
