using Academy.Exemplars.Data;
using Academy.Web.Recipes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Web.Tests.Recipes;

public sealed class RecipeTests(AcademySite site) : IClassFixture<AcademySite>, IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("academy-recipe-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task Import_TheStarterRecipeASecondTime_ChangesNothing()
    {
        var before = await SnapshotAsync();

        var result = await ImportAsync(r => r.ImportAsync("starter", CancellationToken.None));

        Assert.IsType<RecipeResult.Imported>(result);
        Assert.Equal(before, await SnapshotAsync());
        Assert.Contains("RTH|Oxford University Hospitals NHS Foundation Trust|South East", before);
    }

    [Fact]
    public async Task Import_WithABadValueInALaterStep_IsRefusedWithFileLineAndReason_AndNothingIsApplied()
    {
        var file = Write("""
            {
              "name": "broken",
              "steps": [
                { "name": "programmes", "programmes": [
                  { "slug": "half-applied-programme", "name": "Must not appear", "kind": "NationalExemplar",
                    "capPerTrust": 5000000, "startDate": "2018-04-01", "endDate": "2021-03-31" } ] },
                { "name": "trusts", "trusts": [
                  { "odsCode": "ZZ1", "name": "Good Trust", "region": "London" },
                  { "odsCode": "not an ods code", "name": "Bad Trust", "region": "London" } ] }
              ]
            }
            """);

        var result = await ImportAsync(r => r.ImportFileAsync(file, CancellationToken.None));

        var failed = Assert.IsType<RecipeResult.Failed>(result);
        Assert.Equal(file, failed.Error.File);
        Assert.Equal(9, failed.Error.Line);
        Assert.Contains("ODS code", failed.Error.Reason);
        Assert.False(await ExistsAsync(db => db.Programmes.AnyAsync(p => p.Slug == "half-applied-programme")));
        Assert.False(await ExistsAsync(db => db.Trusts.AnyAsync(t => t.OdsCode == "ZZ1")));
    }

    [Fact]
    public async Task Import_WithInvalidJson_IsRefusedWithTheLineOfTheSyntaxError()
    {
        var file = Write("{\n  \"name\": \"broken\",\n  \"steps\": [\n    { \"name\": \"trusts\" \"trusts\": [] }\n  ]\n}");

        var failed = Assert.IsType<RecipeResult.Failed>(await ImportAsync(r => r.ImportFileAsync(file, CancellationToken.None)));

        Assert.Equal(4, failed.Error.Line);
    }

    [Fact]
    public async Task Import_WithAnUnknownStep_NamesTheStepAndItsLine()
    {
        var file = Write("{\n  \"name\": \"broken\",\n  \"steps\": [\n    { \"name\": \"trusts\", \"trusts\": [] },\n    { \"name\": \"hospitals\" }\n  ]\n}");

        var failed = Assert.IsType<RecipeResult.Failed>(await ImportAsync(r => r.ImportFileAsync(file, CancellationToken.None)));

        Assert.Equal(5, failed.Error.Line);
        Assert.Contains("hospitals", failed.Error.Reason);
    }

    [Fact]
    public async Task Import_WithAnUnknownProperty_IsRefused()
    {
        var file = Write("{\n  \"name\": \"broken\",\n  \"steps\": [\n    { \"name\": \"trusts\", \"trusts\": [\n      { \"odsCode\": \"ZZ2\", \"name\": \"A\", \"region\": \"B\", \"colour\": \"blue\" }\n    ] }\n  ]\n}");

        var failed = Assert.IsType<RecipeResult.Failed>(await ImportAsync(r => r.ImportFileAsync(file, CancellationToken.None)));

        Assert.Equal(5, failed.Error.Line);
        Assert.Contains("colour", failed.Error.Reason);
        Assert.False(await ExistsAsync(db => db.Trusts.AnyAsync(t => t.OdsCode == "ZZ2")));
    }

    private string Write(string json)
    {
        var file = Path.Combine(folder, "broken.recipe.json");
        File.WriteAllText(file, json);
        return file;
    }

    private Task<RecipeResult> ImportAsync(Func<RecipeExecutor, Task<RecipeResult>> import) =>
        site.WithServicesAsync(sp => import(sp.GetRequiredService<RecipeExecutor>()));

    private Task<bool> ExistsAsync(Func<ExemplarsDbContext, Task<bool>> query) =>
        site.WithServicesAsync(sp => query(sp.GetRequiredService<ExemplarsDbContext>()));

    /// Every row the starter recipe writes, as text, to compare before and after.
    private Task<List<string>> SnapshotAsync() => site.WithServicesAsync(async sp =>
    {
        var db = sp.GetRequiredService<ExemplarsDbContext>();
        var rows = new List<string>();
        rows.AddRange(await db.Programmes.OrderBy(p => p.Id).Select(p => $"{p.Id}|{p.Slug}|{p.Name}|{p.CapPerTrust}|{p.StartDate}|{p.EndDate}").ToListAsync());
        rows.AddRange(await db.Trusts.OrderBy(t => t.Id).Select(t => $"{t.OdsCode}|{t.Name}|{t.Region}").ToListAsync());
        rows.AddRange(await db.Participations.OrderBy(p => p.Id).Select(p => $"{p.Id}|{p.ProgrammeId}|{p.TrustId}|{p.Allocation}|{p.MaturityTarget}").ToListAsync());
        return rows;
    });
}
