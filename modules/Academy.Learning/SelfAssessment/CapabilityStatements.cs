using Academy.Learning.Courses;

namespace Academy.Learning.SelfAssessment;

/// The statements of the digital capability self-assessment, five per domain of the Health and Care Digital
/// Capabilities Framework, written for Academy in words a nurse, a porter or a receptionist would use. They are
/// code, not content: each key is part of an xAPI activity id that stored statements name for ever, so changing
/// or removing one is a reviewed change (add a new key rather than reword an old one into a different question).
public static class CapabilityStatements
{
    /// <param name="Key">Stable: the activity id's last part, e.g. "technical-proficiency-1".</param>
    /// <param name="Number">1-based position within its domain, as the page numbers it.</param>
    public sealed record Item(string Key, CapabilityDomain Domain, int Number, string Text);

    private static readonly (CapabilityDomain Domain, string[] Texts)[] Written =
    [
        (CapabilityDomain.DataInformationAndContent,
        [
            "I can find the information I need for my work, on the intranet, in shared folders or in a patient's record.",
            "I can tell whether information I find online is reliable before I use it or pass it on.",
            "I record information accurately in the systems I use, so that colleagues can rely on it.",
            "I can save and name files so that I and my colleagues can find them again.",
            "I can read a simple chart or table of figures about my work and say what it shows.",
        ]),
        (CapabilityDomain.TeachingLearningAndSelfDevelopment,
        [
            "I can find the online training I need, such as the courses on this site, and finish it.",
            "I can learn to use a new system or app by myself, with its help pages or a short video.",
            "I can show a colleague how to do something on a computer, phone or tablet.",
            "I know where to get help when I am stuck with something digital at work.",
            "I keep a record of the learning I have done, such as certificates, for my appraisal or revalidation.",
        ]),
        (CapabilityDomain.CommunicationCollaborationAndParticipation,
        [
            "I can write emails and messages at work that are clear and professional.",
            "I can join and take part in a video call or online meeting, including sharing my screen.",
            "I can work with colleagues on a shared document, calendar or rota.",
            "I know what I should and should not post about my work on social media.",
            "I can choose the right way to reach someone (phone, email, message or in person) for what I need to say.",
        ]),
        (CapabilityDomain.TechnicalProficiency,
        [
            "I can log in to the systems I need, change my password and get my account unlocked if I am locked out.",
            "I can use the main systems of my job, such as the patient record or the rota system, without help.",
            "I can use a work phone or tablet for tasks such as scanning a barcode or recording observations.",
            "I can sort out simple problems myself, such as a printer that will not print or a screen that has frozen.",
            "I know how to report a fault to the IT service desk and what to tell them.",
        ]),
        (CapabilityDomain.CreationInnovationAndResearch,
        [
            "I can make a clear document, form or poster on a computer.",
            "I can suggest how a digital tool could make a task in my team easier or safer.",
            "I am willing to try a new digital way of working and to say how it went.",
            "I can use a spreadsheet to collect or add up simple figures.",
            "I can find published evidence or guidance online to support a change in how we work.",
        ]),
        (CapabilityDomain.DigitalIdentityWellbeingSafetyAndSecurity,
        [
            "I can spot a suspicious email, text message or phone call and know what to do about it.",
            "I keep my passwords and smartcard to myself, and I lock or log out of a screen when I leave it.",
            "I know how to share a patient's information safely, and only with people who need it.",
            "I know how to report a lost device or a data breach straight away.",
            "I can manage my screen time and notifications so that digital work does not harm my wellbeing.",
        ]),
    ];

    public static readonly IReadOnlyList<Item> All =
    [
        .. Written.SelectMany(d => d.Texts.Select((text, i) => new Item($"{d.Domain.Key()}-{i + 1}", d.Domain, i + 1, text))),
    ];

    /// The domains in the order the assessment asks them (the framework's order, as CapabilityDomains lists them).
    public static IReadOnlyList<CapabilityDomains.Info> Domains => CapabilityDomains.All;

    public static IReadOnlyList<Item> For(CapabilityDomain domain) => [.. All.Where(s => s.Domain == domain)];
}
