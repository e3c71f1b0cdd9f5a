using Academy.Modules;
using Academy.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Theme.Nhs;

public sealed class ThemeModule : IAcademyModule
{
    public ModuleManifest Manifest { get; } = new("NHS theme", "The NHS.UK look, from the nhsuk-frontend package.");

    public void ConfigureServices(WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<CspNonce>();
    }
}
