using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Academy.Testing;

/// Posts every form a walk found with hostile values, as an attacker or a careless paste would, and says what
/// went wrong: a 5xx, a script echoed unencoded, or a refused post that still changed what is stored.
public static class HostileForms
{
    public const string Script = "<script>hostile()</script>";

    /// Each value goes into every field of the form at once (text, hidden, select, radio: whatever the name).
    public static readonly IReadOnlyList<(string Name, string Value)> Values =
    [
        ("control characters", "a\u0000b\u0007c\u001b"),
        ("bidi override", "\u202e\u0000😀"),
        ("100,000 characters", new string('x', 100_000)),
        ("impossible date", "2026-02-30"),
        ("huge number", "99999999999999999999999999999"),
        ("negative number", "-1"),
        ("script tag", Script),
    ];

    /// Values that no field of any form may accept: the post must be refused (the form shown again with an error, or a 4xx).
    private static readonly HashSet<string> AlwaysRefused = ["control characters", "bidi override"];

    public static async Task<IReadOnlyList<string>> PostAllAsync(AcademySite site, HttpClient client, string who, IReadOnlyList<FoundForm> forms)
    {
        var problems = new List<string>();
        // A form that ends the session (sign out) goes last, so that the walk's other forms are posted signed in.
        var ordered = forms.OrderBy(f => f.Action.Contains("sign-out", StringComparison.OrdinalIgnoreCase)).ToList();
        foreach (var form in ordered)
        {
            var token = form.Fields.FirstOrDefault(f => f.Name == "__RequestVerificationToken")?.Value;
            var fields = form.Fields.Where(f => f.Name != "__RequestVerificationToken" && f.Type is not ("submit" or "button" or "file")).ToList();

            if (token is not null)
                await CheckAsync(site, client, who, form, "no anti-forgery token", Body(form, fields, null, _ => null), mustRefuse: true, problems);
            if (fields.Count > 0)
                foreach (var (name, value) in Values)
                    await CheckAsync(site, client, who, form, name, Body(form, fields, token, f => Hostile(f, name, value)), mustRefuse: AlwaysRefused.Contains(name), problems);
            if (form.Fields.Any(f => f.Type == "file"))
                foreach (var megabytes in new[] { 30, 65 })
                    await CheckAsync(site, client, who, form, $"{megabytes}MB upload", Body(form, fields, token, f => f.Value, form.Fields.First(f => f.Type == "file").Name, megabytes), mustRefuse: true, problems);
        }
        return problems;
    }

    private static string? Hostile(FoundField field, string name, string value) => name == "impossible date" && field.Name.EndsWith(".Day", StringComparison.Ordinal) ? "30"
        : name == "impossible date" && field.Name.EndsWith(".Month", StringComparison.Ordinal) ? "2"
        : name == "impossible date" && field.Name.EndsWith(".Year", StringComparison.Ordinal) ? "2026"
        : value;

    private static HttpContent Body(FoundForm form, IReadOnlyList<FoundField> fields, string? token, Func<FoundField, string?> value, string? fileField = null, int megabytes = 0)
    {
        var pairs = fields.Select(f => (f.Name, Value: value(f))).Where(p => p.Value is not null).Select(p => (p.Name, p.Value!)).ToList();
        if (token is not null) pairs.Add(("__RequestVerificationToken", token));
        if (!form.Multipart && fileField is null) return new FormUrlEncodedContent(pairs.Select(p => KeyValuePair.Create(p.Name, p.Item2)));
        var content = new MultipartFormDataContent();
        foreach (var (name, v) in pairs) content.Add(new StringContent(v), name);
        if (fileField is not null)
        {
            var bytes = new byte[megabytes * 1024 * 1024];
            "%PDF-1.7\n"u8.CopyTo(bytes);
            content.Add(new ByteArrayContent(bytes), fileField, "large.pdf");
        }
        return content;
    }

    private static async Task CheckAsync(AcademySite site, HttpClient client, string who, FoundForm form, string what, HttpContent body, bool mustRefuse, List<string> problems)
    {
        var before = Fingerprint(site);
        HttpResponseMessage response;
        if (form.Method == "GET")
        {
            var query = await body.ReadAsStringAsync();
            response = await client.GetAsync(form.Action + (form.Action.Contains('?') ? "&" : "?") + (body is FormUrlEncodedContent ? query : ""));
        }
        else response = await client.PostAsync(form.Action, body);
        var status = (int)response.StatusCode;
        var where = $"{who}: {form.Method} {form.Action} (from {form.Page}) with {what}";
        var html = await response.Content.ReadAsStringAsync();
        if (status >= 500) problems.Add($"{where} answered {status}");
        if (html.Contains(Script, StringComparison.Ordinal)) problems.Add($"{where} echoed the script tag unencoded");
        var accepted = status is >= 300 and < 400 && form.Method != "GET";
        if (accepted && response.Headers.Location is { } location && location.IsAbsoluteUri == false)
        {
            var next = await client.GetAsync(location);
            if ((int)next.StatusCode >= 500) problems.Add($"{where} redirected to {location}, which answered {(int)next.StatusCode}");
            if ((await next.Content.ReadAsStringAsync()).Contains(Script, StringComparison.Ordinal)) problems.Add($"{where} redirected to {location}, which shows the script tag unencoded");
        }
        if (form.Method == "GET") return;
        if (mustRefuse && accepted) problems.Add($"{where} was accepted ({status} to {response.Headers.Location})");
        if (!accepted && Fingerprint(site) != before) problems.Add($"{where} was refused ({status}) but changed what is stored");
    }

    /// A hash of every row of every table of the site's database files (not the job queue's, which changes on
    /// its own), except tables that record sessions and sent mail as a side effect of any request.
    public static string Fingerprint(AcademySite site)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in Directory.GetFiles(site.DataFolder, "*.db", SearchOption.AllDirectories).Order())
        {
            if (Path.GetFileName(file).Contains("hangfire", StringComparison.OrdinalIgnoreCase) || Path.GetFileName(file).Contains("jobs", StringComparison.OrdinalIgnoreCase)) continue;
            using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
            connection.Open();
            var tables = new List<string>();
            using (var list = connection.CreateCommand())
            {
                list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name";
                using var reader = list.ExecuteReader();
                while (reader.Read()) tables.Add(reader.GetString(0));
            }
            foreach (var table in tables)
            {
                using var select = connection.CreateCommand();
                if (Derived.Any(d => table.Contains(d, StringComparison.OrdinalIgnoreCase))) continue;
                var volatileRows = Volatile.Any(v => table.Contains(v, StringComparison.OrdinalIgnoreCase));
                select.CommandText = volatileRows ? $"SELECT COUNT(*) FROM \"{table}\"" : $"SELECT * FROM \"{table}\"";
                using var reader = select.ExecuteReader();
                hash.AppendData(Encoding.UTF8.GetBytes(table));
                while (reader.Read())
                    for (var i = 0; i < reader.FieldCount; i++)
                        hash.AppendData(Encoding.UTF8.GetBytes((reader.IsDBNull(i) ? "∅" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)) + "|"));
            }
        }
        return Convert.ToHexString(hash.GetHashAndReset());
    }

    /// Rows that change on their own: the outbox's send attempts, session tickets, data-protection keys.
    private static readonly string[] Volatile = ["Outbox", "Session", "Ticket", "DataProtection"];

    /// Tables a background follower fills from other tables whenever it catches up (learners' progress, projected from
    /// the LRS's statements), so they change after an earlier accepted post, not because of the refused one.
    private static readonly string[] Derived = ["Progress"];
}
