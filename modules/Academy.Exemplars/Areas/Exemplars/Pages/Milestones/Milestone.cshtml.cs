using Academy.Theme.Nhs.Forms;
using Academy.Exemplars.Data;
using Academy.Exemplars.Milestones;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Academy.Exemplars.Pages.Milestones;

[Authorize(Policy = ExemplarAccess.TrackerPolicy)]
public sealed class MilestoneModel(ExemplarsDbContext db, EvidenceStore store, TimeProvider clock) : PageModel
{
    public Milestone Milestone { get; private set; } = default!;
    public bool CanWrite { get; private set; }
    public DateOnly Today { get; private set; }
    [BindProperty] public IFormFile? Evidence { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    /// Evidence is checked (size, type, content) before anything is written; the file is stored, then
    /// its row; if the row cannot be saved the file is removed again. The request may be larger than the
    /// largest file accepted, so that a person who picks a 30MB file is told so beside the field instead of
    /// the server refusing the request outright; beyond UploadRequestLimit the server does refuse it (400).
    [RequestSizeLimit(EvidenceStore.UploadRequestLimit)]
    [RequestFormLimits(MultipartBodyLengthLimit = EvidenceStore.UploadRequestLimit)]
    public async Task<IActionResult> OnPostUploadAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken) || !CanWrite) return NotFound();
        await this.ThrowIfInvalidAsync(new Validator(), cancellationToken, StatusCodes.Status200OK);
        await using var content = Evidence!.OpenReadStream();
        var storedName = await store.SaveAsync(id, content, cancellationToken);
        try
        {
            var extension = Path.GetExtension(Evidence.FileName);
            db.EvidenceFiles.Add(new EvidenceFile
            {
                MilestoneId = id, ParticipationId = Milestone.ParticipationId, FileName = EvidenceStore.SafeFileName(Evidence.FileName),
                ContentType = EvidenceStore.Types[extension].ContentType, Length = Evidence.Length, StoredName = storedName,
                UploadedBy = User.Email(), UploadedAt = clock.GetUtcNow(),
            });
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            store.Delete(id, storedName);
            throw;
        }
        return RedirectToPage("/Milestones/Milestone", new { id });
    }

    public sealed class Validator : AbstractValidator<MilestoneModel>
    {
        public Validator()
        {
            RuleFor(p => p.Evidence).CustomAsync(async (file, context, cancellationToken) =>
            {
                if (file is null || file.Length == 0)
                {
                    context.AddFailure(file is null ? "Select a file" : "The selected file is empty");
                    return;
                }
                await using var check = file.OpenReadStream();
                if (await EvidenceStore.CheckAsync(check, file.FileName, file.Length, cancellationToken) is { } problem) context.AddFailure(problem);
            });
        }
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var milestone = await db.Milestones.AsNoTracking().Include(m => m.Evidence).Include(m => m.Participation).ThenInclude(p => p.Trust)
            .Include(m => m.Participation).ThenInclude(p => p.Programme).SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (milestone is null || !User.CanRead(milestone.Participation.Trust)) return false;
        Milestone = milestone;
        CanWrite = User.CanWrite(milestone.Participation.Trust);
        Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return true;
    }
}
