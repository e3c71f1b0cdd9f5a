using Academy.Modules;
using Academy.Theme.Nhs.Forms;
using Academy.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Theme.Nhs;

public sealed class ThemeModule : IAcademyModule
{
    public ModuleManifest Manifest { get; } = new("NHS theme", "The NHS.UK look, from the nhsuk-frontend package.");

    public void ConfigureServices(WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<CspNonce>();
        // Every page's text fields refuse hidden characters and over-long text with a field error (see PlainText).
        builder.Services.Configure<MvcOptions>(options => options.ModelBinderProviders.Insert(0, new PlainTextModelBinderProvider()));
        // Every form's validator: its errors become field errors on the same page (see FormValidation).
        builder.Services.Configure<MvcOptions>(options => options.Filters.Add<FormErrorsFilter>());
        builder.Services.AddTransient<Microsoft.AspNetCore.Hosting.IStartupFilter, NulInFormGuardStartup>();
    }
}
