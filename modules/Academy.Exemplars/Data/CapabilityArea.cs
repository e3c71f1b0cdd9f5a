namespace Academy.Exemplars.Data;

/// The seven capability areas a milestone, lesson or blueprint belongs to (a fixed, documented list).
public enum CapabilityArea
{
    Epr,
    MedicinesAndEPrescribing,
    Interoperability,
    PatientAccess,
    AnalyticsAndDecisionSupport,
    InfrastructureAndMobile,
    WorkforceDigitalSkills,
}
