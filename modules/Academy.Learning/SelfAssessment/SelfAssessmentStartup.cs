using Academy.Modules;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Learning.SelfAssessment;

public static class SelfAssessmentStartup
{
    public static void AddSelfAssessment(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<SelfAssessmentStatements>();
        builder.Services.AddScoped<SelfAssessmentRules>();
        builder.Services.AddScoped<ITrustSelfAssessment, TrustSelfAssessment>();
        builder.Services.AddSingleton(new NavigationItem("Self-assessment", "/SelfAssessment/Index", "Learning", 12, Policies.SignedIn));
    }
}
