using Academy.Modules;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Learning;

/// The Digital Academy's learning side: courses, cohorts, "My learning". Wired now; filled later.
public sealed class LearningModule : IAcademyModule
{
    public ModuleManifest Manifest { get; } = new("Learning", "Courses, enrolments, cohorts and progress from xAPI statements.", "/learning");

    public void ConfigureServices(WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(new NavigationItem("My learning", "/learning", 10, []));
    }
}
