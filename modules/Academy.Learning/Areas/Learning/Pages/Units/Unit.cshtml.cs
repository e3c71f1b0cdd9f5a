using Academy.Learning.Data;
using Academy.Learning.Packages;
using Academy.Learning.Player;
using Academy.Learning.Courses;
using Academy.Theme.Nhs.Forms;
using Academy.Web;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Academy.Learning.Pages.Units;

/// A unit (AU) of an imported package, for an enrolled learner: what it asks, and a button that launches it in the
/// launch mode the learner chooses. launchMethod OwnWindow, and any unit outside its package, take the whole window
/// (a redirect); AnyWindow units of a package open in a sandboxed frame on this page (unless packages have a content host).
[Authorize(Policy = Policies.SignedIn)]
public sealed class UnitModel(CoursePlayer player, LearningDbContext db, Cmi5Launches launches, PackageStore store, CspNonce csp) : PageModel
{
    public LessonPlace Place { get; private set; } = default!;
    public PackageAu Unit { get; private set; } = default!;
    /// Set once launched in a frame.
    public string? FrameUrl { get; private set; }
    [BindProperty] public string? Mode { get; set; }

    public async Task<IActionResult> OnGetAsync(string slug, string lessonSlug, CancellationToken cancellationToken) =>
        await LoadAsync(slug, lessonSlug, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(string slug, string lessonSlug, CancellationToken cancellationToken)
    {
        if (await LoadAsync(slug, lessonSlug, cancellationToken) is { } refused) return refused;
        await this.ThrowIfInvalidAsync(new Validator(), cancellationToken);
        var mode = ParseMode(Mode)!.Value;
        var launch = await launches.LaunchAsync(Place.Enrolment, Place.Course, Place.Lesson, mode, cancellationToken);
        // Content on a host of its own is not framed (the site's policy frames only itself): it takes the window too.
        if (TakesTheWindow) return Redirect(launch.Url);
        FrameUrl = launch.Url;
        return Page();
    }

    // By name only: a number would name a mode the form does not offer.
    private static LaunchMode? ParseMode(string? text) =>
        Enum.TryParse<LaunchMode>(text, ignoreCase: false, out var mode) && Enum.IsDefined(mode) && !text!.Any(char.IsDigit) ? mode : null;

    public sealed class Validator : AbstractValidator<UnitModel>
    {
        public Validator() => RuleFor(p => p.Mode).Must(m => ParseMode(m) is not null).WithMessage("Select how you want to open the unit");
    }

    private bool TakesTheWindow => Unit.LaunchMethod == LaunchMethod.OwnWindow || !Cmi5Launches.InPackage(Unit) || store.ContentHost is not null;

    private async Task<IActionResult?> LoadAsync(string slug, string lessonSlug, CancellationToken cancellationToken)
    {
        var (access, place) = await player.FindAsync(User.UserId()!, slug, lessonSlug, cancellationToken);
        if (access == PlayerAccess.NotFound) return NotFound();
        if (access == PlayerAccess.NotEnrolled) return Forbid();
        if (place!.Lesson.Kind != LessonKind.Au) return NotFound();
        Place = place;
        Unit = await db.PackageAus.Include(a => a.Package).SingleAsync(a => a.LessonId == place.Lesson.Id, cancellationToken);
        // The launch form's redirect goes to the unit's origin: the site's form-action must name it, or the browser stops there.
        if (TakesTheWindow && Uri.TryCreate(launches.UnitUrl(Unit.Package, Unit), UriKind.Absolute, out var unitUrl) && unitUrl.Scheme is "http" or "https")
            csp.FormActionOrigins.Add(unitUrl.GetLeftPart(UriPartial.Authority));
        return null;
    }

    public string Requirement => Unit.MoveOn switch
    {
        MoveOn.Completed => "Complete the unit.",
        MoveOn.Passed => "Pass the unit" + Mastery + ".",
        MoveOn.CompletedAndPassed => "Complete and pass the unit" + Mastery + ".",
        MoveOn.CompletedOrPassed => "Complete or pass the unit" + Mastery + ".",
        _ => "Nothing: this unit is optional.",
    };

    private string Mastery => Unit.MasteryScore is { } m ? $" (pass mark {m * 100:0.##}%)" : "";
}
