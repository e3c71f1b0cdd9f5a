using Academy.Learning.Courses;
using Academy.Learning.Packages;
using Academy.Theme.Nhs.Forms;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Academy.Learning.Pages.Manage.Packages;

/// Course authors and administrators import a cmi5 course structure, a cmi5 zip or a Tin Can zip as a draft course.
/// The upload goes to a temporary file on disk as it arrives (ASP.NET buffers a form file over 64KB to disk, and the
/// package is then read from a file of ours), never into memory whole. The form's own fields are checked here (errors
/// beside them); the package itself is imported by a background job (<see cref="PackageImportJob"/>), whose progress and
/// outcome the run's status page shows.
[Authorize(Policy = LearningAccess.CourseAuthorPolicy)]
public sealed class ImportModel(PackageImports imports, PackageStore store) : PageModel
{
    [BindProperty] public IFormFile? Package { get; set; }
    [BindProperty] public string? Domain { get; set; }
    [BindProperty] public string? EstimatedMinutes { get; set; }
    public long MaxMegabytes => store.MaxPackageBytes / 1024 / 1024;

    public void OnGet() { }

    [RequestSizeLimit(PackageStore.RequestLimitBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = PackageStore.RequestLimitBytes)]
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        await this.ThrowIfInvalidAsync(new Validator(store), cancellationToken);
        var (domain, minutes) = (CapabilityDomains.FromKey(Domain), Minutes(EstimatedMinutes));

        string? upload = null;
        try
        {
            await using (var content = Package!.OpenReadStream()) upload = await store.SaveUploadAsync(content, cancellationToken);
            var id = await imports.QueueAsync(Path.GetFileName(upload), Package.FileName, new PackageImport.Settings(domain!.Value, minutes!.Value), User.UserId()!, cancellationToken);
            upload = null; // the job owns it now, and deletes it when it has finished
            return RedirectToPage("/Manage/Packages/ImportRun", new { id });
        }
        finally
        {
            if (upload is not null) PackageStore.Discard(upload);
        }
    }

    private static int? Minutes(string? text) =>
        int.TryParse(text?.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var m) ? m : null;

    public sealed class Validator : AbstractValidator<ImportModel>
    {
        public Validator(PackageStore store)
        {
            RuleFor(p => p.Package).Cascade(CascadeMode.Stop)
                .Must(f => f is { Length: > 0 }).WithMessage("Select a cmi5 or Tin Can package")
                .Must(f => f!.Length <= store.MaxPackageBytes).WithMessage(p => $"The selected package must be smaller than {p.MaxMegabytes:N0}MB");
            RuleFor(p => p.Domain).Must(d => CapabilityDomains.FromKey(d) is not null).WithMessage("Select a capability domain");
            RuleFor(p => p.EstimatedMinutes).Cascade(CascadeMode.Stop)
                .Must(m => !string.IsNullOrWhiteSpace(m)).WithMessage("Enter the estimated length in minutes")
                .Must(m => Minutes(m) is >= 1 and <= CourseRules.MaxEstimatedMinutes)
                .WithMessage($"Estimated length must be a whole number between 1 and {CourseRules.MaxEstimatedMinutes:N0}");
        }
    }
}
