using System.Globalization;
using Academy.Data;
using Academy.Learning.Courses;
using Academy.Learning.Data;
using Lucene.Net.Analysis.En;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Microsoft.AspNetCore.Html;
using Microsoft.EntityFrameworkCore;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Academy.Learning.Catalogue;

/// A length filter of the catalogue: courses whose estimated minutes fall in [Min, Max].
public sealed record LengthBand(string Key, string Label, int Min, int Max)
{
    public static readonly IReadOnlyList<LengthBand> All =
    [
        new("up-to-30", "Up to 30 minutes", 0, 30),
        new("30-to-60", "31 minutes to 1 hour", 31, 60),
        new("1-to-3-hours", "1 to 3 hours", 61, 180),
        new("over-3-hours", "Over 3 hours", 181, int.MaxValue),
    ];

    public static LengthBand? FromKey(string? key) => All.FirstOrDefault(b => b.Key == key);
}

public sealed record CourseHit(string Slug, HtmlString Title, HtmlString Excerpt, CapabilityDomain Domain, int EstimatedMinutes);

public sealed record CourseSearchResult(int Total, IReadOnlyList<CourseHit> Hits);

/// The full-text index of published courses (Lucene.Net) on disk under the data folder. The database is the
/// truth: each process builds its index from the database when it first searches, then catches up before every
/// search with the courses whose UpdatedAt moved past its cursor, so a course published on another web node
/// appears here too. Drafts and retired courses are never in the index.
public sealed class CourseIndex(AcademyDatabase database, ModuleDbContextFactory<LearningDbContext> contexts) : IDisposable
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private const int MaxScanned = 10_000;
    // A change committed a little after a later one (clocks of two nodes, a slow transaction) is still caught.
    private static readonly TimeSpan Overlap = TimeSpan.FromMinutes(2);
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly EnglishAnalyzer analyzer = new(Version);
    private LuceneDirectory? directory;
    private IndexWriter? writer;
    private SearcherManager? searchers;
    private DateTimeOffset cursor = DateTimeOffset.MinValue;
    // The UpdatedAt of each course as this process last wrote it to the index.
    private readonly Dictionary<int, DateTimeOffset> indexed = [];

    public string Folder => database.PathInDataFolder("learning-catalogue-index");

    /// Brings the index up to date with the database (at most once per call; callers: search, and pages that just published).
    public async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (writer is null)
            {
                directory = FSDirectory.Open(Folder);
                // Rebuilt from the database at first use: the index is a cache that any node can remake.
                writer = new IndexWriter(directory, new IndexWriterConfig(Version, analyzer) { OpenMode = OpenMode.CREATE });
                searchers = new SearcherManager(writer, true, null);
            }
            var since = cursor == DateTimeOffset.MinValue ? cursor : cursor - Overlap;
            await using var db = contexts.Create();
            // Read the stamps first: a course the index already holds at this UpdatedAt (the overlap reads the
            // newest ones again on every search) is neither loaded nor written again.
            var stamps = await db.Courses.AsNoTracking().Where(c => c.UpdatedAt >= since)
                .Select(c => new { c.Id, c.UpdatedAt }).ToListAsync(cancellationToken);
            var stale = stamps.Where(c => !indexed.TryGetValue(c.Id, out var held) || held != c.UpdatedAt).Select(c => c.Id).ToList();
            if (stale.Count > 0)
            {
                var written = new List<(int Id, DateTimeOffset UpdatedAt)>();
                // In chunks: one query parameter per id, and SQL Server takes at most 2,100.
                foreach (var chunk in stale.Chunk(1000))
                {
                    var changed = await db.Courses.AsNoTracking().Where(c => chunk.Contains(c.Id))
                        .Include(c => c.Sections).ThenInclude(s => s.Lessons).AsSplitQuery().ToListAsync(cancellationToken);
                    foreach (var course in changed)
                    {
                        if (course.Status == CourseStatus.Published) writer.UpdateDocument(new Term("slug", course.Slug), ToDocument(course));
                        else writer.DeleteDocuments(new Term("slug", course.Slug));
                        written.Add((course.Id, course.UpdatedAt));
                    }
                }
                writer.Commit();
                searchers!.MaybeRefreshBlocking();
                foreach (var (id, updatedAt) in written) indexed[id] = updatedAt;
            }
            if (stamps.Count > 0 && stamps.Max(c => c.UpdatedAt) is var latest && latest > cursor) cursor = latest;
        }
        finally
        {
            gate.Release();
        }
    }

    public async Task<CourseSearchResult> SearchAsync(string? text, CapabilityDomain? domain, LengthBand? length, int take, CancellationToken cancellationToken)
    {
        await CatchUpAsync(cancellationToken);
        var query = new BooleanQuery();
        Query? textQuery = null;
        if (!string.IsNullOrWhiteSpace(text))
        {
            // People type words, not Lucene syntax: escape it, so that "EPR (part 2)" cannot fail to parse.
            var parser = new MultiFieldQueryParser(Version, ["title", "summary", "body"], analyzer,
                new Dictionary<string, float> { ["title"] = 3f, ["summary"] = 2f, ["body"] = 1f }) { DefaultOperator = Operator.AND };
            textQuery = parser.Parse(QueryParserBase.Escape(text.Trim()));
            query.Add(textQuery, Occur.MUST);
        }
        else query.Add(new MatchAllDocsQuery(), Occur.MUST);
        if (domain is { } d) query.Add(new TermQuery(new Term("domain", d.Key())), Occur.MUST);
        if (length is not null) query.Add(NumericRangeQuery.NewInt32Range("minutes", length.Min, length.Max, true, true), Occur.MUST);

        var searcher = searchers!.Acquire();
        try
        {
            var sort = textQuery is null ? new Sort(new SortField("sortTitle", SortFieldType.STRING)) : Sort.RELEVANCE;
            var top = searcher.Search(query, null, MaxScanned, sort);
            var highlighter = textQuery is null ? null
                : new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), new SimpleHTMLEncoder(), new QueryScorer(textQuery)) { TextFragmenter = new SimpleFragmenter(160) };
            var hits = top.ScoreDocs.Take(take).Select(scored =>
            {
                var doc = searcher.Doc(scored.Doc);
                var title = doc.Get("title");
                var summary = doc.Get("summary");
                // Both come from SimpleHTMLEncoder (the course's text encoded) plus our own <mark> tags: safe to write as HTML.
                var titleHtml = highlighter?.GetBestFragment(analyzer, "title", title) ?? SimpleHTMLEncoder.HtmlEncode(title);
                var summaryHtml = highlighter?.GetBestFragment(analyzer, "summary", summary) ?? SimpleHTMLEncoder.HtmlEncode(summary);
                return new CourseHit(doc.Get("slug"), new HtmlString(titleHtml), new HtmlString(summaryHtml),
                    Enum.Parse<CapabilityDomain>(doc.Get("domainName")), int.Parse(doc.Get("minutesStored"), CultureInfo.InvariantCulture));
            }).ToList();
            return new CourseSearchResult(top.TotalHits, hits);
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    private static Document ToDocument(Course course)
    {
        var outline = course.Sections.OrderBy(s => s.Position)
            .SelectMany(s => new[] { s.Title }.Concat(s.Lessons.OrderBy(l => l.Position).Select(l => l.Title)));
        var doc = new Document
        {
            new StringField("slug", course.Slug, Field.Store.YES),
            new TextField("title", course.Title, Field.Store.YES),
            new TextField("summary", course.Summary, Field.Store.YES),
            new TextField("body", LearningMarkdown.ToPlainText(course.Description) + "\n" + string.Join("\n", outline), Field.Store.NO),
            new StringField("domain", course.Domain.Key(), Field.Store.NO),
            new StoredField("domainName", course.Domain.ToString()),
            new Int32Field("minutes", course.EstimatedMinutes, Field.Store.NO),
            new StoredField("minutesStored", course.EstimatedMinutes.ToString(CultureInfo.InvariantCulture)),
        };
        doc.Add(new SortedDocValuesField("sortTitle", new BytesRef(course.Title.ToLowerInvariant())));
        return doc;
    }

    public void Dispose()
    {
        searchers?.Dispose();
        writer?.Dispose();
        directory?.Dispose();
        analyzer.Dispose();
        gate.Dispose();
    }
}
