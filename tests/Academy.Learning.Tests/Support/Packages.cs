using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Academy.Learning.Tests.Support;

/// cmi5 course structures and package zips made in the test, including ones a careful LMS must refuse.
public static class Packages
{
    public const string Ns = "https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd";

    public static string Au(string id, string url, string attributes = "", string extra = "", string title = "A unit") => $"""
        <au id="{id}" {attributes}>
          <title><langstring lang="en-GB">{title}</langstring></title>
          <description><langstring lang="en-GB">What the unit covers.</langstring></description>
          <url>{url}</url>
          {extra}
        </au>
        """;

    public static string Block(string id, string title, params string[] children) => $"""
        <block id="{id}">
          <title><langstring lang="en-GB">{title}</langstring></title>
          <description><langstring lang="en-GB">A block.</langstring></description>
          {string.Concat(children)}
        </block>
        """;

    public static string Structure(string courseId, string title, params string[] children) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <courseStructure xmlns="{Ns}">
          <course id="{courseId}">
            <title><langstring lang="en-GB">{title}</langstring></title>
            <description><langstring lang="en-GB">A course made for the tests.</langstring></description>
          </course>
          {string.Concat(children)}
        </courseStructure>
        """;

    public static string NewId(string what) => $"https://publisher.example.org/{what}/{Guid.NewGuid():N}";

    /// An ordinary zip (what the framework writes: zip32 for small files).
    public static byte[] Zip(params (string Name, string Content)[] files)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in files)
            {
                using var stream = zip.CreateEntry(name).Open();
                stream.Write(Encoding.UTF8.GetBytes(content));
            }
        }
        return memory.ToArray();
    }

    public sealed record RawEntry(string Name, string Content, int UnixMode = 0x81A4 /* 0100644 */);

    /// A zip written by hand, stored (not compressed), with every entry's sizes and offset in zip64 extra fields and a
    /// zip64 end of central directory: a zip64 archive as tools write for large packages, small enough for a test.
    /// UnixMode lets a test make an entry a symbolic link (0120777).
    public static byte[] Zip64(params RawEntry[] entries)
    {
        using var memory = new MemoryStream();
        var w = new BinaryWriter(memory);
        var central = new List<(byte[] Name, uint Crc, long Size, long Offset, int Mode)>();
        foreach (var entry in entries)
        {
            var name = Encoding.UTF8.GetBytes(entry.Name);
            var data = Encoding.UTF8.GetBytes(entry.Content);
            var crc = Crc32(data);
            var offset = memory.Position;
            w.Write(0x04034b50u); w.Write((ushort)45); w.Write((ushort)0x0800); w.Write((ushort)0); w.Write((ushort)0); w.Write((ushort)0x21);
            w.Write(crc); w.Write(0xFFFFFFFFu); w.Write(0xFFFFFFFFu); w.Write((ushort)name.Length); w.Write((ushort)20);
            w.Write(name);
            w.Write((ushort)0x0001); w.Write((ushort)16); w.Write((long)data.Length); w.Write((long)data.Length);
            w.Write(data);
            central.Add((name, crc, data.Length, offset, entry.UnixMode));
        }
        var centralStart = memory.Position;
        foreach (var (name, crc, size, offset, mode) in central)
        {
            w.Write(0x02014b50u); w.Write((ushort)(45 | (3 << 8))); w.Write((ushort)45); w.Write((ushort)0x0800); w.Write((ushort)0); w.Write((ushort)0); w.Write((ushort)0x21);
            w.Write(crc); w.Write(0xFFFFFFFFu); w.Write(0xFFFFFFFFu); w.Write((ushort)name.Length); w.Write((ushort)28); w.Write((ushort)0);
            w.Write((ushort)0); w.Write((ushort)0); w.Write((uint)mode << 16); w.Write(0xFFFFFFFFu);
            w.Write(name);
            w.Write((ushort)0x0001); w.Write((ushort)24); w.Write(size); w.Write(size); w.Write(offset);
        }
        var centralSize = memory.Position - centralStart;
        var zip64End = memory.Position;
        w.Write(0x06064b50u); w.Write(44L); w.Write((ushort)45); w.Write((ushort)45); w.Write(0u); w.Write(0u);
        w.Write((long)central.Count); w.Write((long)central.Count); w.Write(centralSize); w.Write(centralStart);
        w.Write(0x07064b50u); w.Write(0u); w.Write(zip64End); w.Write(1u);
        w.Write(0x06054b50u); w.Write((ushort)0xFFFF); w.Write((ushort)0xFFFF); w.Write((ushort)0xFFFF); w.Write((ushort)0xFFFF);
        w.Write(0xFFFFFFFFu); w.Write(0xFFFFFFFFu); w.Write((ushort)0);
        w.Flush();
        return memory.ToArray();
    }

    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }
        return ~crc;
    }

    /// Posts the import form as a browser does; returns the response (a redirect to the new course, or the form with errors).
    /// Posts the import form as the page does. A form the page refuses comes back as it is (400); otherwise the post
    /// redirects to the run's status page, whose progress handler is polled (up to 3 minutes) until the Hangfire job
    /// has finished, and the status page is then returned.
    public static async Task<HttpResponseMessage> ImportAsync(HttpClient author, byte[] file, string fileName, string domain = "technical-proficiency", string minutes = "30")
    {
        var posted = await PostImportAsync(author, file, fileName, domain, minutes);
        if (posted.StatusCode != HttpStatusCode.Redirect) return posted;
        var run = RunAddressOf(posted);
        await WaitUntilFinishedAsync(author, run);
        return await author.GetAsync(run);
    }

    public static async Task<HttpResponseMessage> PostImportAsync(HttpClient author, byte[] file, string fileName, string domain = "technical-proficiency", string minutes = "30")
    {
        var content = new MultipartFormDataContent();
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".xml", StringComparison.Ordinal) ? "text/xml" : "application/zip");
        content.Add(part, "Package", fileName);
        content.Add(new StringContent(domain), "Domain");
        content.Add(new StringContent(minutes), "EstimatedMinutes");
        return await Forms.PostMultipartAsync(author, ImportUrl, content);
    }

    /// The status page the import form redirected to (/learning/manage/packages/imports/{id}).
    public static string RunAddressOf(HttpResponseMessage posted)
    {
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var location = posted.Headers.Location!.OriginalString;
        Assert.Matches("^/learning/manage/packages/imports/[0-9]+$", location);
        return location;
    }

    public static int RunIdOf(string runAddress) => int.Parse(runAddress.Split('/').Last(), CultureInfo.InvariantCulture);

    /// Polls the status page's progress handler, as its script does, until the job has finished.
    public static async Task WaitUntilFinishedAsync(HttpClient author, string runAddress)
    {
        for (var i = 0; i < 1800; i++)
        {
            var progress = await author.GetFromJsonAsync<JsonObject>($"{runAddress}?handler=progress");
            if ((bool)progress!["done"]!) return;
            await Task.Delay(100);
        }
        throw new TimeoutException($"The import {runAddress} did not finish within 3 minutes");
    }

    public const string ImportUrl = "/learning/manage/packages/import";

    /// The id of the course an import made (from the link on its finished status page).
    public static int CourseIdOf(HttpResponseMessage statusPage)
    {
        var html = statusPage.Content.ReadAsStringAsync().GetAwaiter().GetResult();
        Assert.True(statusPage.StatusCode == HttpStatusCode.OK, html);
        var link = Regex.Match(html, "href=\"/learning/manage/courses/([0-9]+)\" id=\"course-link\"");
        Assert.True(link.Success, html);
        return int.Parse(link.Groups[1].Value, CultureInfo.InvariantCulture);
    }
}
