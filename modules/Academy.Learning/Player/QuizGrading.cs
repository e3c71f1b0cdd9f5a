using System.Globalization;
using Academy.Learning.Courses;

namespace Academy.Learning.Player;

/// A learner's answers to one quiz, checked against its options (a field per question, named
/// <see cref="FieldName"/>, whose values are option positions).
public sealed record QuizAnswers(IReadOnlyDictionary<int, IReadOnlyList<int>> ByQuestionPosition);

public sealed record QuestionResult(Question Question, IReadOnlyList<Option> Chosen, bool Correct);

public sealed record QuizResult(IReadOnlyList<QuestionResult> Questions, int Raw, int Max, bool Passed)
{
    public double Scaled => Max == 0 ? 0 : Math.Round((double)Raw / Max, 4);
    public int Percent => Max == 0 ? 0 : (int)Math.Floor(100.0 * Raw / Max);
}

/// Quiz rules in one place, for the form post without JavaScript and the page's grading request alike:
/// the order an attempt shows, reading and checking the answers, grading, the attempt limit.
public static class QuizGrading
{
    public const int AnswersMaxLength = 4000;

    public static string FieldName(Question question) => "question-" + question.Position.ToString(CultureInfo.InvariantCulture);

    /// Questions in position order, or shuffled when the author asked for it. A shuffle is seeded by the
    /// registration and the attempt number: the same attempt shows the same order on every reload (and
    /// when the form comes back with an error), and the next attempt shows another.
    public static IReadOnlyList<Question> Questions(Lesson quiz, Guid registration, int attempt)
    {
        var ordered = quiz.Questions.OrderBy(q => q.Position).ToList();
        return quiz.Shuffle ? Shuffled(ordered, Seed(registration, attempt, 0)) : ordered;
    }

    public static IReadOnlyList<Option> Options(Lesson quiz, Question question, Guid registration, int attempt)
    {
        var ordered = question.Options.OrderBy(o => o.Position).ToList();
        return quiz.Shuffle ? Shuffled(ordered, Seed(registration, attempt, question.Position)) : ordered;
    }

    /// Reads the posted fields. Returns the answers, or an error per field (in question order) when a
    /// question is unanswered, a single-choice question has several answers, or a value is not one of the
    /// question's options (a tampered form): then nothing is graded or stored.
    public static (QuizAnswers? Answers, IReadOnlyList<(string Field, string Message)> Errors) Read(
        Lesson quiz, Func<string, IReadOnlyList<string>> posted, IReadOnlyList<Question> shownOrder)
    {
        var errors = new List<(string, string)>();
        var answers = new Dictionary<int, IReadOnlyList<int>>();
        foreach (var question in shownOrder)
        {
            var field = FieldName(question);
            var values = posted(field);
            var chosen = new List<int>();
            var valid = true;
            foreach (var value in values)
            {
                if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var position)
                    || question.Options.All(o => o.Position != position))
                {
                    valid = false;
                    break;
                }
                if (!chosen.Contains(position)) chosen.Add(position);
            }
            if (!valid) errors.Add((field, $"Answer question {Number(shownOrder, question)} with one of its options"));
            else if (chosen.Count == 0) errors.Add((field, question.Multiple
                ? $"Select at least one answer for question {Number(shownOrder, question)}"
                : $"Select an answer for question {Number(shownOrder, question)}"));
            else if (!question.Multiple && chosen.Count > 1) errors.Add((field, $"Select only one answer for question {Number(shownOrder, question)}"));
            else answers[question.Position] = chosen;
        }
        return errors.Count > 0 ? (null, errors) : (new QuizAnswers(answers), []);
    }

    /// A question is right when the learner chose every correct option and no other. The quiz is passed
    /// when the percentage of right questions (rounded down) reaches the pass mark.
    public static QuizResult Grade(Lesson quiz, QuizAnswers answers)
    {
        var results = quiz.Questions.OrderBy(q => q.Position).Select(q =>
        {
            var chosen = answers.ByQuestionPosition.TryGetValue(q.Position, out var positions)
                ? q.Options.Where(o => positions.Contains(o.Position)).OrderBy(o => o.Position).ToList()
                : [];
            var correct = q.Options.Where(o => o.Correct).Select(o => o.Position).Order().SequenceEqual(chosen.Select(o => o.Position));
            return new QuestionResult(q, chosen, correct);
        }).ToList();
        var raw = results.Count(r => r.Correct);
        var result = new QuizResult(results, raw, results.Count, false);
        return result with { Passed = result.Percent >= (quiz.PassMark ?? 100) };
    }

    /// Whether another attempt may start: never once passed, and not beyond the author's limit.
    public static bool MayAttempt(Lesson quiz, IReadOnlyCollection<QuizAttempt> attempts) =>
        !attempts.Any(a => a.Passed) && (quiz.MaxAttempts is not { } max || attempts.Count < max);

    /// "questionPosition:optionPosition,optionPosition;..." for the attempt's row.
    public static string Format(QuizAnswers answers) => string.Join(';', answers.ByQuestionPosition.OrderBy(a => a.Key)
        .Select(a => a.Key.ToString(CultureInfo.InvariantCulture) + ":" + string.Join(',', a.Value.Order().Select(p => p.ToString(CultureInfo.InvariantCulture)))));

    public static QuizAnswers Parse(string stored) => new(stored.Split(';', StringSplitOptions.RemoveEmptyEntries)
        .Select(part => part.Split(':'))
        .ToDictionary(p => int.Parse(p[0], CultureInfo.InvariantCulture),
            p => (IReadOnlyList<int>)p[1].Split(',', StringSplitOptions.RemoveEmptyEntries).Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToList()));

    private static int Number(IReadOnlyList<Question> shown, Question question) => shown.ToList().IndexOf(question) + 1;

    private static int Seed(Guid registration, int attempt, int salt) => StableHash($"{registration:N}/{attempt}/{salt}");

    // string.GetHashCode differs per process: a shuffle must be the same on every web node and after a restart.
    private static int StableHash(string text)
    {
        unchecked
        {
            var hash = (int)2166136261;
            foreach (var c in text) hash = (hash ^ c) * 16777619;
            return hash;
        }
    }

    private static List<T> Shuffled<T>(List<T> items, int seed)
    {
        var random = new Random(seed);
        var list = items.ToList();
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
        return list;
    }
}
