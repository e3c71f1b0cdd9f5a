namespace Academy.Learning.Courses;

/// The six domains of the Health and Care Digital Capabilities Framework.
public enum CapabilityDomain
{
    DataInformationAndContent,
    TeachingLearningAndSelfDevelopment,
    CommunicationCollaborationAndParticipation,
    TechnicalProficiency,
    CreationInnovationAndResearch,
    DigitalIdentityWellbeingSafetyAndSecurity,
}

/// Each domain's key (recipes, URLs, search filters) and the name NHS England's Digital Learning Solutions gives it.
public static class CapabilityDomains
{
    public sealed record Info(CapabilityDomain Domain, string Key, string DisplayName);

    public static readonly IReadOnlyList<Info> All =
    [
        new(CapabilityDomain.DataInformationAndContent, "data-information-and-content", "Data, information and content"),
        new(CapabilityDomain.TeachingLearningAndSelfDevelopment, "teaching-learning-and-self-development", "Teaching, learning and self-development"),
        new(CapabilityDomain.CommunicationCollaborationAndParticipation, "communication-collaboration-and-participation", "Communication, collaboration and participation"),
        new(CapabilityDomain.TechnicalProficiency, "technical-proficiency", "Technical proficiency"),
        new(CapabilityDomain.CreationInnovationAndResearch, "creation-innovation-and-research", "Creation, innovation and research"),
        new(CapabilityDomain.DigitalIdentityWellbeingSafetyAndSecurity, "digital-identity-wellbeing-safety-and-security", "Digital identity, wellbeing, safety and security"),
    ];

    public static string DisplayName(this CapabilityDomain domain) => All.Single(d => d.Domain == domain).DisplayName;

    public static string Key(this CapabilityDomain domain) => All.Single(d => d.Domain == domain).Key;

    public static CapabilityDomain? FromKey(string? key) => All.FirstOrDefault(d => d.Key == key)?.Domain;
}
