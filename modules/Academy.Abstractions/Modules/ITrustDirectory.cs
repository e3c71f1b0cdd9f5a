namespace Academy.Modules;

/// The trusts a person can belong to. Trusts are owned by the exemplar programme module;
/// other modules know a trust by its ODS code, the NHS's own identifier for an organisation.
public interface ITrustDirectory
{
    Task<IReadOnlyList<TrustSummary>> ListAsync(CancellationToken cancellationToken = default);
}

public sealed record TrustSummary(string OdsCode, string Name);
