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

/// The full-text index of published lessons (Lucene.Net), on disk under the data folder. The database is
/// the truth: when the index is missing (a new node, a deleted folder) it is rebuilt from the database.
public sealed class LessonIndex(AcademyDatabase database, ModuleDbContextFactory<ExemplarsDbContext> contexts) : IDisposable
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    public const int MaxScanned = 10_000;
    public static readonly string[] FacetFields = ["area", "programme", "trust", "tag"];
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly EnglishAnalyzer analyzer = new(Version);
    private LuceneDirectory? directory;
    private IndexWriter? writer;
    private SearcherManager? searchers;

    public string Folder => database.PathInDataFolder("lessons-index");

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
            if (!exists)
            {
                await using var db = contexts.Create();
                var lessons = await db.Lessons.AsNoTracking().Where(l => l.Status == LessonStatus.Published)
                    .Include(l => l.Participation).ThenInclude(p => p.Trust).Include(l => l.Participation).ThenInclude(p => p.Programme)
                    .ToListAsync(cancellationToken);
                foreach (var lesson in lessons) w.AddDocument(ToDocument(lesson));
                w.Commit();
            }
            searchers = new SearcherManager(w, true, null);
            writer = w;
            return (writer, searchers);
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
        w.UpdateDocument(new Term("id", lesson.Id.ToString(Format.EnGb)), ToDocument(lesson));
        w.Commit();
        s.MaybeRefreshBlocking();
    }

    public async Task<LessonSearchResult> SearchAsync(string? text, LessonFilter filter, int take, CancellationToken cancellationToken)
    {
        var (_, s) = await OpenAsync(cancellationToken);
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
