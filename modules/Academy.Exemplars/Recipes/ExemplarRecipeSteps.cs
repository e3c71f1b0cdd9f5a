using System.Text.RegularExpressions;
using Academy.Data;
using Academy.Exemplars.Data;
using Academy.Exemplars.Funding;
using Academy.Recipes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Exemplars.Recipes;

/// Recipe steps "programmes", "trusts" and "participations". Each matches existing rows by their
/// natural key (slug, ODS code, programme + trust) and only writes what differs, so importing a
/// recipe twice changes nothing the second time.
internal abstract partial class ExemplarRecipeStep<TStep> : IRecipeStep
{
    public abstract string Name { get; }

    public void Validate(RecipeStepContext context) => Check(context.Read<TStep>());

    protected abstract void Check(TStep step);

    public async Task ApplyAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        var contexts = context.Services.GetRequiredService<ModuleDbContextFactory<ExemplarsDbContext>>();
        await using var db = contexts.CreateOn(context.Connection, context.Transaction);
        await ApplyAsync(db, context.Read<TStep>(), context.RecipeFolder, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    protected abstract Task ApplyAsync(ExemplarsDbContext db, TStep step, string recipeFolder, CancellationToken cancellationToken);

    protected static void Require(bool ok, string reason, string path)
    {
        if (!ok) throw new RecipeException(reason, path);
    }

    protected static Regex OdsCodePattern() => Programmes.ProgrammeRules.OdsCodePattern();
}

internal sealed record ProgrammesStep(string Name, List<ProgrammeEntry> Programmes);
internal sealed record ProgrammeEntry(string Slug, string Name, ProgrammeKind Kind, decimal CapPerTrust, DateOnly StartDate, DateOnly EndDate,
    int ReportingPeriodMonths = 3, bool PartnerRequired = false, string Description = "");

internal sealed class ProgrammesRecipeStep : ExemplarRecipeStep<ProgrammesStep>
{
    public override string Name => "programmes";

    protected override void Check(ProgrammesStep step)
    {
        for (var i = 0; i < step.Programmes.Count; i++)
        {
            var p = step.Programmes[i];
            var at = $"$.programmes[{i}]";
            Require(!string.IsNullOrWhiteSpace(p.Slug), "A programme needs a slug.", at + ".slug");
            Require(p.CapPerTrust > 0 && decimal.Round(p.CapPerTrust, 2) == p.CapPerTrust, "The cap per trust is a positive amount in pounds and pence.", at + ".capPerTrust");
            Require(p.EndDate > p.StartDate, "A programme ends after it starts.", at + ".endDate");
            Require(Programmes.ProgrammeRules.PeriodLengths.Contains(p.ReportingPeriodMonths), "The reporting period is 1, 3, 6 or 12 months.", at + ".reportingPeriodMonths");
        }
    }

    protected override async Task ApplyAsync(ExemplarsDbContext db, ProgrammesStep step, string recipeFolder, CancellationToken cancellationToken)
    {
        foreach (var entry in step.Programmes)
        {
            var programme = await db.Programmes.SingleOrDefaultAsync(p => p.Slug == entry.Slug, cancellationToken);
            if (programme is null) db.Programmes.Add(programme = new Programme { Slug = entry.Slug });
            programme.Name = entry.Name;
            programme.Kind = entry.Kind;
            programme.Description = entry.Description;
            programme.CapPerTrust = entry.CapPerTrust;
            programme.StartDate = entry.StartDate;
            programme.EndDate = entry.EndDate;
            programme.ReportingPeriodMonths = entry.ReportingPeriodMonths;
            programme.PartnerRequired = entry.PartnerRequired;
        }
    }
}

internal sealed record TrustsStep(string Name, List<TrustEntry> Trusts);
internal sealed record TrustEntry(string OdsCode, string Name, string Region);

internal sealed class TrustsRecipeStep : ExemplarRecipeStep<TrustsStep>
{
    public override string Name => "trusts";

    protected override void Check(TrustsStep step)
    {
        for (var i = 0; i < step.Trusts.Count; i++)
        {
            var t = step.Trusts[i];
            Require(t.OdsCode is not null && OdsCodePattern().IsMatch(t.OdsCode), "An ODS code is 3 to 5 capital letters and digits, like RTH.", $"$.trusts[{i}].odsCode");
            Require(!string.IsNullOrWhiteSpace(t.Name), "A trust needs a name.", $"$.trusts[{i}].name");
        }
        var duplicate = step.Trusts.GroupBy(t => t.OdsCode).FirstOrDefault(g => g.Count() > 1);
        Require(duplicate is null, $"The ODS code {duplicate?.Key} appears twice.", "$.trusts");
    }

    protected override async Task ApplyAsync(ExemplarsDbContext db, TrustsStep step, string recipeFolder, CancellationToken cancellationToken)
    {
        foreach (var entry in step.Trusts)
        {
            var trust = await db.Trusts.SingleOrDefaultAsync(t => t.OdsCode == entry.OdsCode, cancellationToken);
            if (trust is null) db.Trusts.Add(trust = new Trust { OdsCode = entry.OdsCode });
            trust.Name = entry.Name;
            trust.Region = entry.Region;
        }
    }
}

internal sealed record ParticipationsStep(string Name, List<ParticipationEntry> Participations);
internal sealed record ParticipationEntry(string Programme, string Trust, decimal Allocation, string? Partner = null, string MaturityTarget = "", string? Roadmap = null);

internal sealed class ParticipationsRecipeStep : ExemplarRecipeStep<ParticipationsStep>
{
    public override string Name => "participations";

    protected override void Check(ParticipationsStep step)
    {
        for (var i = 0; i < step.Participations.Count; i++)
        {
            var p = step.Participations[i];
            Require(p.Allocation >= 0 && decimal.Round(p.Allocation, 2) == p.Allocation, "An allocation is an amount in pounds and pence, not negative.", $"$.participations[{i}].allocation");
            Require(p.Roadmap is null || (!p.Roadmap.Contains("..") && p.Roadmap.EndsWith(".md", StringComparison.Ordinal)), "A roadmap is a Markdown file beside the recipe.", $"$.participations[{i}].roadmap");
        }
    }

    protected override async Task ApplyAsync(ExemplarsDbContext db, ParticipationsStep step, string recipeFolder, CancellationToken cancellationToken)
    {
        for (var i = 0; i < step.Participations.Count; i++)
        {
            var entry = step.Participations[i];
            var programme = await db.Programmes.SingleOrDefaultAsync(p => p.Slug == entry.Programme, cancellationToken)
                ?? db.Programmes.Local.SingleOrDefault(p => p.Slug == entry.Programme)
                ?? throw new RecipeException($"There is no programme '{entry.Programme}': add it in a programmes step first.", $"$.participations[{i}].programme");
            var trust = await db.Trusts.SingleOrDefaultAsync(t => t.OdsCode == entry.Trust, cancellationToken)
                ?? throw new RecipeException($"There is no trust with ODS code '{entry.Trust}': add it in a trusts step first.", $"$.participations[{i}].trust");
            var participation = await db.Participations.SingleOrDefaultAsync(p => p.ProgrammeId == programme.Id && p.TrustId == trust.Id, cancellationToken);
            if (FundingRules.AllocationProblem(programme, entry.Allocation, participation?.ApprovedClaimsTotal ?? 0) is { } problem)
                throw new RecipeException(problem + ".", $"$.participations[{i}].allocation");
            // FundingRules.PartnerProblem is not asked here: the seed article does not name every partner (see there).

            if (participation is null) db.Participations.Add(participation = new Participation { Programme = programme, Trust = trust });
            participation.Allocation = entry.Allocation;
            participation.PartnerOrganisation = entry.Partner;
            participation.MaturityTarget = entry.MaturityTarget;
            if (entry.Roadmap is not null)
            {
                var path = Path.Combine(recipeFolder, entry.Roadmap);
                if (!File.Exists(path)) throw new RecipeException($"The roadmap file {entry.Roadmap} is not beside the recipe.", $"$.participations[{i}].roadmap");
                participation.RoadmapMarkdown = await File.ReadAllTextAsync(path, cancellationToken);
            }
        }
    }
}
