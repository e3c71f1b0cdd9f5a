using System.Globalization;
using Academy.Data;
using Academy.Exemplars.Data;
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

namespace Academy.Exemplars.Lessons;

public sealed record LessonFilter(string? Area = null, string? Programme = null, string? Trust = null, string? Tag = null);

public sealed record LessonHit(int Id, HtmlString Title, HtmlString Excerpt, string Area, string Programme, string Trust, IReadOnlyList<string> Tags);

public sealed record Facet(string Value, int Count);

public sealed record LessonSearchResult(int Total, IReadOnlyList<LessonHit> Hits, IReadOnlyDictionary<string, IReadOnlyList<Facet>> Facets);

/// The full-text index of published lessons (Lucene.Net), on disk under each web node's data folder. The database is
/// the truth, and each node's index catches up from it by a cursor, as Orchard's Lucene indexing does (issue 14 §5):
/// the cursor is the latest PublishedAt the index holds, kept in the index's own commit data so that a restart goes
/// on from it (a missing or new index starts from nothing, which is the rebuild). Before a search the node takes in
/// every lesson published since its cursor, less an overlap that catches a lesson whose publication committed a
/// little after a later one (two nodes' clocks, a slow transaction); at most once per CatchUpInterval, so that a
/// search under load is not a query more. A lesson published on this node is indexed at once (IndexAsync). A
/// published lesson never changes (LessonRules), so nothing has to be taken out.
public sealed class LessonIndex(AcademyDatabase database, ModuleDbContextFactory<ExemplarsDbContext> contexts) : IDisposable
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    public const int MaxScanned = 10_000;
    public static readonly string[] FacetFields = ["area", "programme", "trust", "tag"];
    public static readonly TimeSpan Overlap = TimeSpan.FromMinutes(2);
    public static readonly TimeSpan CatchUpInterval = TimeSpan.FromSeconds(1);
    private const string CursorKey = "academy.cursor";
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly EnglishAnalyzer analyzer = new(Version);
    private LuceneDirectory? directory;
    private IndexWriter? writer;
    private SearcherManager? searchers;
    private long cursorTicks = -1;
    private long lastCatchUp = long.MinValue;

    public string Folder => database.PathInDataFolder("lessons-index");

    /// The latest publication time this node's index holds (null: none yet).
    public DateTimeOffset? Cursor => Interlocked.Read(ref cursorTicks) is >= 0 and var ticks ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    private async Task<(IndexWriter, SearcherManager)> OpenAsync(CancellationToken cancellationToken)
    {
        if (writer is not null && searchers is not null) return (writer, searchers);
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (writer is not null && searchers is not null) return (writer, searchers);
            directory = FSDirectory.Open(Folder);
            var exists = DirectoryReader.IndexExists(directory);
            var w = new IndexWriter(directory, new IndexWriterConfig(Version, analyzer) { OpenMode = exists ? OpenMode.APPEND : OpenMode.CREATE });
            // An index written before the cursor existed has no cursor: start from nothing (UpdateDocument makes that harmless).
            cursorTicks = exists && w.CommitData.TryGetValue(CursorKey, out var saved) && long.TryParse(saved, NumberStyles.None, Format.EnGb, out var ticks) ? ticks : -1;
            searchers = new SearcherManager(w, true, null);
            writer = w;
            return (writer, searchers);
        }
        finally
        {
            gate.Release();
        }
    }

    /// Takes in the lessons published since the cursor (less the overlap) that the index does not hold yet.
    /// Returns how many it added. Search calls it (throttled); a test or a job may call it directly.
    public async Task<int> CatchUpAsync(CancellationToken cancellationToken)
    {
        var (w, s) = await OpenAsync(cancellationToken);
        await gate.WaitAsync(cancellationToken);
        try
        {
            lastCatchUp = Environment.TickCount64;
            await using var db = contexts.Create();
            var published = db.Lessons.AsNoTracking().Where(l => l.Status == LessonStatus.Published);
            if (cursorTicks >= 0)
            {
                var since = new DateTimeOffset(cursorTicks, TimeSpan.Zero) - Overlap;
                published = published.Where(l => l.PublishedAt >= since);
            }
            var candidates = await published.Select(l => l.Id).ToListAsync(cancellationToken);
            var searcher = s.Acquire();
            List<int> missing;
            try
            {
                missing = candidates.Where(id => searcher.IndexReader.DocFreq(new Term("id", id.ToString(Format.EnGb))) == 0).ToList();
            }
            finally
            {
                s.Release(searcher);
            }
            if (missing.Count == 0) return 0;
            var lessons = await db.Lessons.AsNoTracking().Where(l => missing.Contains(l.Id))
                .Include(l => l.Participation).ThenInclude(p => p.Trust).Include(l => l.Participation).ThenInclude(p => p.Programme)
                .AsSplitQuery().ToListAsync(cancellationToken);
            foreach (var lesson in lessons) w.UpdateDocument(new Term("id", lesson.Id.ToString(Format.EnGb)), ToDocument(lesson));
            Commit(w, lessons);
            s.MaybeRefreshBlocking();
            return lessons.Count;
        }
        finally
        {
            gate.Release();
        }
    }

    /// Adds or replaces a published lesson (its participation, trust and programme loaded).
    public async Task IndexAsync(Lesson lesson, CancellationToken cancellationToken)
    {
        var (w, s) = await OpenAsync(cancellationToken);
        await gate.WaitAsync(cancellationToken);
        try
        {
            w.UpdateDocument(new Term("id", lesson.Id.ToString(Format.EnGb)), ToDocument(lesson));
            Commit(w, [lesson]);
            s.MaybeRefreshBlocking();
        }
        finally
        {
            gate.Release();
        }
    }

    /// Commits with the cursor moved to the latest publication taken in (never back). Call inside the gate.
    private void Commit(IndexWriter w, IReadOnlyCollection<Lesson> added)
    {
        var latest = added.Select(l => l.PublishedAt?.UtcTicks ?? -1).DefaultIfEmpty(-1).Max();
        if (latest > cursorTicks) Interlocked.Exchange(ref cursorTicks, latest);
        if (cursorTicks >= 0) w.SetCommitData(new Dictionary<string, string> { [CursorKey] = cursorTicks.ToString(Format.EnGb) });
        w.Commit();
    }

    public async Task<LessonSearchResult> SearchAsync(string? text, LessonFilter filter, int take, CancellationToken cancellationToken)
    {
        var (_, s) = await OpenAsync(cancellationToken);
        if (Interlocked.Read(ref lastCatchUp) is var last && (last == long.MinValue || Environment.TickCount64 - last >= CatchUpInterval.TotalMilliseconds))
            await CatchUpAsync(cancellationToken);
        var query = new BooleanQuery();
        Query? textQuery = null;
        if (!string.IsNullOrWhiteSpace(text))
        {
            // People type words, not Lucene syntax: escape it, so that "EPR (phase 2)" cannot fail to parse.
            var parser = new MultiFieldQueryParser(Version, ["title", "body", "tags"], analyzer,
                new Dictionary<string, float> { ["title"] = 3f, ["tags"] = 2f, ["body"] = 1f }) { DefaultOperator = Operator.AND };
            textQuery = parser.Parse(QueryParserBase.Escape(text.Trim()));
            query.Add(textQuery, Occur.MUST);
        }
        else query.Add(new MatchAllDocsQuery(), Occur.MUST);
        foreach (var (field, value) in new[] { ("area", filter.Area), ("programme", filter.Programme), ("trust", filter.Trust), ("tag", filter.Tag) })
            if (!string.IsNullOrEmpty(value)) query.Add(new TermQuery(new Term(field, value)), Occur.MUST);

        var searcher = s.Acquire();
        try
        {
            var sort = textQuery is null ? new Sort(new SortField("published", SortFieldType.INT64, true)) : Sort.RELEVANCE;
            var top = searcher.Search(query, null, MaxScanned, sort);
            var facets = CountFacets(searcher.IndexReader, top.ScoreDocs);
            var highlighter = textQuery is null ? null
                : new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), TextEncoder.Instance, new QueryScorer(textQuery)) { TextFragmenter = new SimpleFragmenter(160) };
            var hits = top.ScoreDocs.Take(take).Select(scored =>
            {
                var doc = searcher.Doc(scored.Doc);
                var title = doc.Get("title");
                var body = doc.Get("body");
                var titleHtml = highlighter?.GetBestFragment(analyzer, "title", title) ?? TextEncoder.Instance.EncodeText(title);
                var excerpt = highlighter?.GetBestFragments(analyzer.GetTokenStream("body", body), body, 2, " … ") is { Length: > 0 } fragments
                    ? fragments : TextEncoder.Instance.EncodeText(TextEncoder.Shorten(body, 240));
                // Both come from TextEncoder (the lesson's text encoded) plus our own <mark> tags: safe to write as HTML.
                return new LessonHit(int.Parse(doc.Get("id"), Format.EnGb), new HtmlString(titleHtml), new HtmlString(excerpt),
                    doc.Get("area"), doc.Get("programme"), doc.Get("trust"), doc.GetValues("tag"));
            }).ToList();
            return new LessonSearchResult(top.TotalHits, hits,
                facets.ToDictionary(f => f.Key, f => (IReadOnlyList<Facet>)f.Value.OrderByDescending(v => v.Value).ThenBy(v => v.Key).Select(v => new Facet(v.Key, v.Value)).ToList()));
        }
        finally
        {
            s.Release(searcher);
        }
    }

    /// Facet counts over every match, from the facet fields' doc values (ordinals per segment), not from
    /// stored fields: reading thousands of stored documents per search was the bottleneck under load.
    private static Dictionary<string, Dictionary<string, int>> CountFacets(IndexReader reader, ScoreDoc[] matches)
    {
        var facets = FacetFields.ToDictionary(f => f, _ => new Dictionary<string, int>());
        var leaves = reader.Leaves;
        foreach (var field in FacetFields)
        {
            var perLeaf = new Dictionary<int, (SortedSetDocValues Values, Dictionary<long, int> Counts)>();
            foreach (var match in matches)
            {
                var leafIndex = ReaderUtil.SubIndex(match.Doc, leaves);
                if (!perLeaf.TryGetValue(leafIndex, out var leaf))
                {
                    var values = ((AtomicReader)leaves[leafIndex].Reader).GetSortedSetDocValues(field);
                    if (values is null) continue;
                    perLeaf[leafIndex] = leaf = (values, new Dictionary<long, int>());
                }
                leaf.Values.SetDocument(match.Doc - leaves[leafIndex].DocBase);
                long ord;
                while ((ord = leaf.Values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
                    leaf.Counts[ord] = leaf.Counts.GetValueOrDefault(ord) + 1;
            }
            var bytes = new BytesRef();
            foreach (var (values, counts) in perLeaf.Values)
                foreach (var (ord, count) in counts)
                {
                    values.LookupOrd(ord, bytes);
                    var value = bytes.Utf8ToString();
                    facets[field][value] = facets[field].GetValueOrDefault(value) + count;
                }
        }
        return facets;
    }

    private static Document ToDocument(Lesson lesson)
    {
        var doc = new Document
        {
            new StringField("id", lesson.Id.ToString(Format.EnGb), Field.Store.YES),
            new TextField("title", lesson.Title, Field.Store.YES),
            new TextField("body", string.Join("\n", lesson.Context, lesson.WhatHappened, lesson.WhatToRepeat, lesson.WhatToDoDifferently), Field.Store.YES),
            new TextField("tags", lesson.Tags.Replace(',', ' '), Field.Store.NO),
            new StringField("area", Format.Name(lesson.CapabilityArea), Field.Store.YES),
            new StringField("programme", lesson.Participation.Programme.Name, Field.Store.YES),
            new StringField("trust", lesson.Participation.Trust.Name, Field.Store.YES),
            new Int64Field("published", lesson.PublishedAt?.UtcTicks ?? 0, Field.Store.NO),
        };
        doc.Add(new NumericDocValuesField("published", lesson.PublishedAt?.UtcTicks ?? 0));
        foreach (var tag in Tags(lesson.Tags)) doc.Add(new StringField("tag", tag, Field.Store.YES));
        foreach (var field in FacetFields)
            foreach (var value in doc.GetValues(field))
                doc.Add(new SortedSetDocValuesField(field, new BytesRef(value)));
        return doc;
    }

    public static IReadOnlyList<string> Tags(string tags) =>
        tags.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(t => t.ToLowerInvariant()).Distinct().ToList();

    public void Dispose()
    {
        searchers?.Dispose();
        writer?.Dispose();
        directory?.Dispose();
        analyzer.Dispose();
        gate.Dispose();
    }
}

/// HTML-encodes search results without splitting characters outside the Basic Multilingual Plane: Lucene's
/// SimpleHTMLEncoder writes each UTF-16 unit as its own &#…; entity, so "go-live 💊" became "go-live ��".
internal sealed class TextEncoder : Lucene.Net.Search.Highlight.IEncoder
{
    public static readonly TextEncoder Instance = new();

    public string EncodeText(string originalText) => System.Net.WebUtility.HtmlEncode(originalText);

    /// At most <paramref name="max"/> characters and an ellipsis, never cutting a surrogate pair in two.
    public static string Shorten(string text, int max)
    {
        if (text.Length <= max) return text;
        var end = char.IsHighSurrogate(text[max - 1]) ? max - 1 : max;
        return text[..end] + "…";
    }
}
