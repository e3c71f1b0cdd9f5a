using System.Text.Json.Nodes;

namespace Academy.Xapi.Contracts;

/// Statements the server records itself, on a learner's behalf (the player without JavaScript: lesson
/// views, quiz attempts). They go through the same validation and the same writer as statements sent
/// to /xapi/statements, as xAPI 2.0.0, with the site's own authority. Registered by the Xapi module.
public interface IStatementWriter
{
    /// Validates every statement and stores them all or none (ids are assigned where missing);
    /// returns their ids in order once they are durable. Throws <see cref="StatementRejectedException"/>
    /// with the reason when a statement is invalid or its id is taken by a different statement.
    Task<IReadOnlyList<Guid>> StoreAsync(IReadOnlyList<JsonObject> statements, CancellationToken cancellationToken = default);
}

/// A statement the LRS refused, with the reason it would have answered over HTTP (400, or 409 for an
/// id already taken).
public sealed class StatementRejectedException(string message, string? property = null, bool isConflict = false) : Exception(message)
{
    /// The path of the offending property, e.g. "statement.actor.mbox".
    public string? Property { get; } = property;
    public bool IsConflict { get; } = isConflict;
}
