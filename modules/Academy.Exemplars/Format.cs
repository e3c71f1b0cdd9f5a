using System.Globalization;
using Academy.Exemplars.Data;

namespace Academy.Exemplars;

/// How the tracker shows money, dates and statuses (Markdown: SafeMarkdown in the theme).
public static class Format
{
    public static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    /// Pounds the en-GB way: £1,234,567.89.
    public static string Money(decimal pounds) => pounds.ToString("C2", EnGb);

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", EnGb);
    public static string Date(DateOnly? date) => date is { } d ? Date(d) : "";
    public static string Date(DateTimeOffset? at) => at is { } t ? InLondon(t).ToString("d MMMM yyyy 'at' HH:mm", EnGb) : "";

    /// A moment as people in England read it: 3 May 2027 14:02 (UK time, so 13:02 UTC in summer).
    public static string When(DateTimeOffset at) => InLondon(at).ToString("d MMMM yyyy HH:mm", EnGb);

    /// The UK date of a moment: 3 May 2027.
    public static string Day(DateTimeOffset? at) => at is { } t ? InLondon(t).ToString("d MMMM yyyy", EnGb) : "";

    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    private static DateTimeOffset InLondon(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, London);

    public static string Name(CapabilityArea area) => area switch
    {
        CapabilityArea.Epr => "Electronic patient record (EPR)",
        CapabilityArea.MedicinesAndEPrescribing => "Medicines and e-prescribing",
        CapabilityArea.Interoperability => "Interoperability",
        CapabilityArea.PatientAccess => "Patient access",
        CapabilityArea.AnalyticsAndDecisionSupport => "Analytics and decision support",
        CapabilityArea.InfrastructureAndMobile => "Infrastructure and mobile",
        CapabilityArea.WorkforceDigitalSkills => "Workforce digital skills",
        _ => area.ToString(),
    };

    public static string Name(MilestoneStatus status) => status switch
    {
        MilestoneStatus.NotStarted => "Not started",
        MilestoneStatus.OnTrack => "On track",
        MilestoneStatus.AtRisk => "At risk",
        MilestoneStatus.Late => "Late",
        _ => "Achieved",
    };

    public static string TagClass(MilestoneStatus status) => status switch
    {
        MilestoneStatus.NotStarted => "nhsuk-tag nhsuk-tag--grey",
        MilestoneStatus.OnTrack => "nhsuk-tag nhsuk-tag--blue",
        MilestoneStatus.AtRisk => "nhsuk-tag nhsuk-tag--orange",
        MilestoneStatus.Late => "nhsuk-tag nhsuk-tag--red",
        _ => "nhsuk-tag nhsuk-tag--green",
    };

    public static string Name(ReturnStatus status) => status switch
    {
        ReturnStatus.Draft => "Draft",
        ReturnStatus.Submitted => "Awaiting review",
        ReturnStatus.Returned => "Returned for changes",
        _ => "Approved",
    };

    public static string TagClass(ReturnStatus status) => status switch
    {
        ReturnStatus.Draft => "nhsuk-tag nhsuk-tag--grey",
        ReturnStatus.Submitted => "nhsuk-tag nhsuk-tag--blue",
        ReturnStatus.Returned => "nhsuk-tag nhsuk-tag--orange",
        _ => "nhsuk-tag nhsuk-tag--green",
    };

    public static string TagClass(Rag? rag) => rag switch
    {
        Rag.Green => "nhsuk-tag nhsuk-tag--green",
        Rag.Amber => "nhsuk-tag nhsuk-tag--yellow",
        Rag.Red => "nhsuk-tag nhsuk-tag--red",
        _ => "nhsuk-tag nhsuk-tag--grey",
    };

    public static string Name(Rag? rag) => rag?.ToString() ?? "Not given";

    public static string TagClass(ClaimStatus status) => status switch
    {
        ClaimStatus.Submitted => "nhsuk-tag nhsuk-tag--blue",
        ClaimStatus.Approved => "nhsuk-tag nhsuk-tag--green",
        _ => "nhsuk-tag nhsuk-tag--red",
    };

    public static string Name(ClaimStatus status) => status == ClaimStatus.Submitted ? "Awaiting decision" : status.ToString();
}
