using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Academy.Xapi.Data;
using Academy.Xapi.Protocol;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace Academy.Xapi.Statements;

internal sealed record StatementPage(List<string> Statements, string? More, long? LastModifiedTicks);

/// Reads statements. Every query is an index range scan: either the statements table by sequence or
/// the key table by (kind, hash, sequence), with any further filter as an indexed probe.
internal sealed class StatementReader(XapiDbContext db, StatementProvider provider)
{
    private async Task<Sql> SqlAsync()
    {
        await db.Database.OpenConnectionAsync();
        return new Sql(db.Database.GetDbConnection(), null);
    }

    public async Task<(string Json, long StoredTicks)?> FindAsync(Guid id, bool voided, int? credentialId)
    {
        var sql = await SqlAsync();
        await using var command = sql.Command("SELECT Json, StoredTicks, Voided, CredentialId FROM XapiStatements WHERE Id = @id", ("@id", id.ToString()));
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync()) return null;
        if (reader.GetBoolean(2) != voided) return null;
        if (credentialId is not null && reader.GetInt32(3) != credentialId) return null;
        return (reader.GetString(0), reader.GetInt64(1));
    }

    public async Task<List<XapiAttachment>> AttachmentsAsync(IReadOnlyList<string> hashes)
    {
        if (hashes.Count == 0) return [];
        return await db.Attachments.AsNoTracking().Where(a => hashes.Contains(a.Sha2)).ToListAsync();
    }

    public async Task<StatementPage> QueryAsync(StatementQuery query, int? credentialId)
    {
        var sql = await SqlAsync();
        long low, high;
        if (query.Continuation is { } more)
        {
            (low, high) = (more.Low, more.High);
        }
        else
        {
            low = 0;
            high = await sql.ScalarAsync<long?>("SELECT MAX(Sequence) FROM XapiStatements") ?? 0;
            // since/until become sequence bounds: stored rises with the sequence (one writer).
            if (query.SinceTicks is { } since) low = await LastSequenceAtAsync(sql, since);
            if (query.UntilTicks is { } until) high = Math.Min(high, await LastSequenceAtAsync(sql, until));
        }

        var parameters = new List<(string, object?)> { ("@low", low), ("@high", high), ("@false", false) };
        var text = new StringBuilder();
        string sequence;
        // Drive the scan from the most selective key: registration, agent, activity, then verb.
        var keys = query.Keys.OrderBy(k => k.Kind switch
        {
            StatementKeyKind.Registration => 0,
            StatementKeyKind.Agent => 1,
            StatementKeyKind.Activity => 2,
            StatementKeyKind.RelatedAgent => 3,
            StatementKeyKind.RelatedActivity => 4,
            _ => 5,
        }).ToList();
        if (keys.Count == 0)
        {
            sequence = "s.Sequence";
            text.Append("FROM XapiStatements s WHERE s.Sequence > @low AND s.Sequence <= @high");
        }
        else
        {
            sequence = "k0.Sequence";
            text.Append("FROM XapiStatementKeys k0 JOIN XapiStatements s ON s.Sequence = k0.Sequence")
                .Append(" WHERE k0.Kind = @kind0 AND k0.Hash = @hash0 AND k0.Sequence > @low AND k0.Sequence <= @high");
            parameters.Add(("@kind0", (byte)keys[0].Kind));
            parameters.Add(("@hash0", keys[0].Hash));
            for (var i = 1; i < keys.Count; i++)
            {
                text.Append($" AND EXISTS (SELECT 1 FROM XapiStatementKeys k{i} WHERE k{i}.Kind = @kind{i} AND k{i}.Hash = @hash{i} AND k{i}.Sequence = k0.Sequence)");
                parameters.Add(($"@kind{i}", (byte)keys[i].Kind));
                parameters.Add(($"@hash{i}", keys[i].Hash));
            }
        }
        // Data 2.3.2: voided statements are not returned by queries.
        text.Append(" AND s.Voided = @false");
        if (credentialId is not null)
        {
            text.Append(" AND s.CredentialId = @credential");
            parameters.Add(("@credential", credentialId));
        }
        var select = provider.First(query.Limit + 1, "s.Sequence, s.Json, s.StoredTicks", text.ToString(), $"{sequence} {(query.Ascending ? "ASC" : "DESC")}");

        var statements = new List<string>();
        long lastSequence = 0;
        long? lastModified = null;
        var hasMore = false;
        await using (var command = sql.Command(select, [.. parameters]))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                if (statements.Count == query.Limit) { hasMore = true; break; }
                lastSequence = reader.GetInt64(0);
                statements.Add(reader.GetString(1));
                var stored = reader.GetInt64(2);
                if (lastModified is null || stored > lastModified) lastModified = stored;
            }
        }
        string? next = null;
        if (hasMore)
        {
            var token = query.Ascending ? new MoreToken(query.Original, lastSequence, high) : new MoreToken(query.Original, low, lastSequence - 1);
            next = token.Encode();
        }
        return new StatementPage(statements, next, lastModified);
    }

    private async Task<long> LastSequenceAtAsync(Sql sql, long ticks) =>
        await sql.ScalarAsync<long?>(provider.First(1, "Sequence", "FROM XapiStatements WHERE StoredTicks <= @ticks", "StoredTicks DESC, Sequence DESC"), ("@ticks", ticks)) ?? 0;
}
