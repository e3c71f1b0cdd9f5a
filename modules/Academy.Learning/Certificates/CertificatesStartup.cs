using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Learning.Certificates;

public static class CertificatesStartup
{
    public static void AddCertificates(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<CertificateRules>();
        builder.Services.AddScoped<ICourseCompletionListener>(sp => sp.GetRequiredService<CertificateRules>());
        builder.Services.AddSingleton<CertificateLinks>();
        builder.Services.AddSingleton<VerificationLimiter>();
        CertificateFonts.Install();
    }
}
