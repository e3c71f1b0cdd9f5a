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

/// The self-assessment's addresses, for pages and links from elsewhere (My learning).
public static class SelfAssessmentLinks
{
    public const string Start = "/learning/self-assessment";
    public const string Check = Start + "/check-your-answers";
    public const string Trust = Start + "/trust";

    public static string Domain(Courses.CapabilityDomains.Info domain, bool fromCheck = false) =>
        $"{Start}/{domain.Key}" + (fromCheck ? "?change=true" : "");

    public static string Result(Guid registration) => $"{Start}/results/{registration}";
}
