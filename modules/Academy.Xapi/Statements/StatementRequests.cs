using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Academy.Xapi.Data;
using Academy.Xapi.Protocol;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Microsoft.Net.Http.Headers;

namespace Academy.Xapi.Statements;

/// A statement request's body: the JSON part and, for multipart/mixed, the attachment parts by hash.
internal sealed record StatementBody(JsonElement Json, IReadOnlyDictionary<string, XapiAttachment> Parts, JsonDocument Document) : IDisposable
{
    public void Dispose() => Document.Dispose();
}

internal static class StatementRequests
{
    public const string SignatureUsage = "http://adlnet.gov/expapi/attachments/signature";

    /// Reads application/json or multipart/mixed (Communication 1.5.2) within the size limit.
    public static async Task<StatementBody> ReadAsync(HttpRequest request, XapiOptions options)
    {
        var bytes = await ReadLimitedAsync(request.Body, options.MaxRequestBytes, request.HttpContext.RequestAborted);
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType))
            throw new XapiException("Send Content-Type application/json or multipart/mixed.", "Content-Type", "Communication 1.5");

        if (contentType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            var document = Parse(bytes);
            return new StatementBody(document.RootElement, new Dictionary<string, XapiAttachment>(), document);
        }
        if (contentType.MediaType.Equals("multipart/mixed", StringComparison.OrdinalIgnoreCase))
            return await ReadMultipartAsync(bytes, contentType);
        throw new XapiException($"The Content-Type '{contentType.MediaType}' is not accepted: send application/json or multipart/mixed.", "Content-Type", "Communication 1.5");
    }

    public static JsonDocument Parse(ReadOnlyMemory<byte> bytes)
    {
        // JsonDocument checks UTF-8 inside strings only when a string is read: check it all first.
        if (!System.Text.Unicode.Utf8.IsValid(bytes.Span))
            throw new XapiException("The body is not valid UTF-8.", rule: "Communication 1.4: encoding");
        JsonDocument document;
        try
        {
            // Invalid UTF-8, duplicate keys and nesting deeper than any statement needs are refused here.
            document = JsonDocument.Parse(bytes, XapiJson.DocumentOptions);
        }
        catch (JsonException e)
        {
            throw new XapiException("The body is not valid JSON: " + e.Message, rule: "Communication 1.5: statements are JSON");
        }
        // Checking for duplicate keys reads each property name: one with a lone surrogate throws here.
        catch (InvalidOperationException)
        {
            throw new XapiException("A property name holds a lone UTF-16 surrogate (an unpaired \\uD800-\\uDFFF escape), which is not text.", rule: "Communication 1.4: encoding");
        }
        try
        {
            XapiJson.RejectLoneSurrogates(bytes.Span, document.RootElement, "statement");
        }
        catch
        {
            document.Dispose();
            throw;
        }
        return document;
    }

    private static async Task<byte[]> ReadLimitedAsync(Stream body, long max, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > max)
                throw new XapiException($"The request is larger than {max} bytes.", status: StatusCodes.Status413PayloadTooLarge);
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static async Task<StatementBody> ReadMultipartAsync(byte[] bytes, MediaTypeHeaderValue contentType)
    {
        var boundary = HeaderUtilities.RemoveQuotes(contentType.Boundary).Value;
        if (string.IsNullOrEmpty(boundary)) throw new XapiException("multipart/mixed needs a boundary.", "Content-Type", "Communication 1.5.2");
        var reader = new MultipartReader(boundary, new MemoryStream(bytes)) { BodyLengthLimit = bytes.Length };
        JsonDocument? document = null;
        var parts = new Dictionary<string, XapiAttachment>(StringComparer.OrdinalIgnoreCase);
        try
        {
            MultipartSection? section;
            while ((section = await reader.ReadNextSectionAsync()) is not null)
            {
                using var content = new MemoryStream();
                await section.Body.CopyToAsync(content);
                if (document is null)
                {
                    if (section.ContentType is null || !section.ContentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
                        throw new XapiException("The first part of a multipart/mixed request is the statement(s), with Content-Type application/json.", "Content-Type", "Communication 1.5.2");
                    document = Parse(content.ToArray());
                    continue;
                }
                var hash = section.Headers?.TryGetValue(XapiProtocol.HashHeader, out var h) == true ? h.ToString() : "";
                if (hash.Length == 0) throw new XapiException("Each attachment part needs an X-Experience-API-Hash header.", XapiProtocol.HashHeader, "Communication 1.5.2");
                var encoding = section.Headers!.TryGetValue("Content-Transfer-Encoding", out var e) ? e.ToString() : "";
                if (!encoding.Equals("binary", StringComparison.OrdinalIgnoreCase))
                    throw new XapiException("Each attachment part needs Content-Transfer-Encoding: binary.", "Content-Transfer-Encoding", "Communication 1.5.2");
                var data = content.ToArray();
                if (!Sha2Hex(data, hash.Length).Equals(hash, StringComparison.OrdinalIgnoreCase))
                    throw new XapiException($"The part's content does not match its X-Experience-API-Hash {hash}.", XapiProtocol.HashHeader, "Communication 1.5.2");
                parts[hash] = new XapiAttachment { Sha2 = hash.ToLowerInvariant(), ContentType = section.ContentType ?? "application/octet-stream", Length = data.Length, Content = data };
            }
        }
        catch (IOException e)
        {
            document?.Dispose();
            throw new XapiException("The multipart body is incomplete or malformed: " + e.Message, rule: "Communication 1.5.2");
        }
        catch (InvalidDataException e)
        {
            document?.Dispose();
            throw new XapiException("The multipart body is malformed: " + e.Message, rule: "Communication 1.5.2");
        }
        if (document is null) throw new XapiException("The multipart body has no parts.", rule: "Communication 1.5.2");
        return new StatementBody(document.RootElement, parts, document);
    }

    public static string Sha2Hex(byte[] data, int hexLength) => hexLength switch
    {
        96 => Convert.ToHexStringLower(SHA384.HashData(data)),
        128 => Convert.ToHexStringLower(SHA512.HashData(data)),
        64 => Convert.ToHexStringLower(SHA256.HashData(data)),
        _ => "", // SHA-224: not in .NET, and no xAPI client sends it
    };

    /// Matches each statement's attachments with the parts (Communication 1.5.2): an attachment without
    /// fileUrl needs its part; a part no statement names is refused. Verifies signatures (Data 2.6).
    public static List<XapiAttachment> MatchAttachments(IReadOnlyList<JsonObject> statements, IReadOnlyDictionary<string, XapiAttachment> parts)
    {
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var index = 0;
        foreach (var statement in statements)
        {
            var path = statements.Count == 1 ? "statement" : $"statements[{index}]";
            index++;
            if (statement["attachments"] is not JsonArray attachments) continue;
            var i = 0;
            foreach (var node in attachments)
            {
                var attachment = (JsonObject)node!;
                var itemPath = $"{path}.attachments[{i++}]";
                var sha2 = attachment["sha2"]!.GetValue<string>();
                var hasPart = parts.TryGetValue(sha2, out var part);
                if (!hasPart && attachment["fileUrl"] is null)
                    throw new XapiException($"The attachment {sha2} has no fileUrl and no part in the request.", itemPath, "Communication 1.5.2: attachments without fileUrl are sent as parts");
                if (hasPart) used.Add(sha2);
                if (attachment["usageType"]!.GetValue<string>() == SignatureUsage)
                {
                    if (attachment["contentType"]!.GetValue<string>() != "application/octet-stream")
                        throw new XapiException("A signature attachment has contentType application/octet-stream.", $"{itemPath}.contentType", "Data 2.6: signed statements");
                    if (part is null) throw new XapiException("A signature attachment must be sent as a part.", itemPath, "Data 2.6");
                    VerifySignature(statement, part.Content, itemPath);
                }
            }
        }
        var unused = parts.Keys.FirstOrDefault(k => !used.Contains(k));
        if (unused is not null)
            throw new XapiException($"The part with hash {unused} matches no attachment of the statement(s).", XapiProtocol.HashHeader, "Communication 1.5.2");
        return parts.Values.ToList();
    }

    /// Data 2.6: a JWS (compact serialisation) signed with RS256, RS384 or RS512 whose payload is the
    /// statement; when the header carries an X.509 chain (x5c) the signature is checked with its first certificate.
    private static void VerifySignature(JsonObject statement, byte[] signature, string path)
    {
        var text = Encoding.ASCII.GetString(signature).Trim();
        JsonWebToken token;
        try { token = new JsonWebToken(text); }
        catch (ArgumentException) { throw new XapiException("The signature is not a JWS in compact serialisation.", path, "Data 2.6: signed statements"); }
        if (token.Alg is not ("RS256" or "RS384" or "RS512"))
            throw new XapiException($"The signature algorithm '{token.Alg}' is not RS256, RS384 or RS512.", path, "Data 2.6");

        JsonObject payload;
        try { payload = JsonNode.Parse(Base64UrlEncoder.DecodeBytes(token.EncodedPayload)) as JsonObject ?? throw new JsonException(); }
        catch (Exception e) when (e is JsonException or FormatException or ArgumentException)
        {
            throw new XapiException("The signature's payload is not a statement.", path, "Data 2.6");
        }
        if (!StatementShape.Same(payload, statement))
            throw new XapiException("The signature's payload differs from the statement.", path, "Data 2.6: the payload is the statement");

        var header = JsonNode.Parse(Base64UrlEncoder.Decode(token.EncodedHeader)) as JsonObject;
        if (header?["x5c"] is JsonArray chain)
        {
            var first = chain.Count > 0 && chain[0] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
            if (first is null) throw new XapiException("The x5c header is empty.", path, "Data 2.6");
            System.Security.Cryptography.X509Certificates.X509Certificate2 certificate;
            try { certificate = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadCertificate(Convert.FromBase64String(first)); }
            catch (Exception e) when (e is FormatException or CryptographicException)
            {
                throw new XapiException("The x5c certificate cannot be read: " + e.Message, path, "Data 2.6");
            }
            using var _ = certificate;
            using var rsa = System.Security.Cryptography.X509Certificates.RSACertificateExtensions.GetRSAPublicKey(certificate) ?? throw new XapiException("The x5c certificate has no RSA key.", path, "Data 2.6");
            var signed = Encoding.ASCII.GetBytes(token.EncodedHeader + "." + token.EncodedPayload);
            var hash = token.Alg switch { "RS384" => HashAlgorithmName.SHA384, "RS512" => HashAlgorithmName.SHA512, _ => HashAlgorithmName.SHA256 };
            bool verified;
            try { verified = rsa.VerifyData(signed, Base64UrlEncoder.DecodeBytes(token.EncodedSignature), hash, RSASignaturePadding.Pkcs1); }
            catch (Exception e) when (e is FormatException or CryptographicException or ArgumentException) { verified = false; }
            if (!verified)
                throw new XapiException("The signature does not verify with the x5c certificate.", path, "Data 2.6");
        }
    }
}
