using Academy.Learning.Certificates;
using Academy.Learning.Courses;

namespace Academy.Learning.Tests.Support;

/// The addresses the tests ask for, typed as people type them: the site builds its own links from page names
/// (issue 14 §3), so a test that compares against these catches a route that moved by mistake.
public static class SelfAssessmentPaths
{
    public const string Start = "/learning/self-assessment";
    public const string Check = Start + "/check-your-answers";
    public const string Trust = Start + "/trust";

    public static string Domain(CapabilityDomains.Info domain, bool fromCheck = false) =>
        $"{Start}/{domain.Key}" + (fromCheck ? "?change=true" : "");

    public static string Result(Guid registration) => $"{Start}/results/{registration}";
}

public static class CertificatePaths
{
    public static string Page(string code) => $"/learning/certificates/{CertificateCode.Format(code)}";
    public static string Pdf(string code) => $"/learning/certificates/{CertificateCode.Format(code)}/pdf";
    public static string VerificationPath(string code) => $"/learning/certificates/{CertificateCode.Format(code)}/verify";
}
