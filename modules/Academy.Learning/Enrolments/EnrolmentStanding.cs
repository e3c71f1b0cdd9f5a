using System.Linq.Expressions;
using Academy.Learning.Progress;

namespace Academy.Learning.Enrolments;

/// Where an enrolment stands for the people who track it (the learner's My learning, a CCIO's dashboard,
/// reminders, the trust's figures). Expiring: complete, and the completion stops being valid within
/// <see cref="EnrolmentStanding.ExpiringWithinDays"/> days; Expired: complete, but no longer valid (it needs
/// recertification); Overdue: not complete and its due date has passed. A failed course that is not overdue
/// is in progress (the learner can be enrolled again or retake).
public enum Standing { NotStarted, InProgress, Completed, Expiring, Expired, Overdue }

/// An enrolment with its progress row (null: no statement counts yet) and where it stands.
public sealed class EnrolmentStandingRow
{
    public Enrolment Enrolment { get; init; } = default!;
    public EnrolmentProgress? Progress { get; init; }
    public Standing Standing { get; init; }
}

/// The one rule for <see cref="Standing"/>, written once as an expression so that EF translates it to a SQL CASE
/// (counts can be grouped by standing in the database) and compiled for the few places that hold one enrolment
/// in memory. Days are UTC days; a due date is met on the day itself, and a completion is valid on its
/// <see cref="EnrolmentProgress.ExpiresOn"/> day and no longer after it.
public static class EnrolmentStanding
{
    public const int ExpiringWithinDays = 30;

    private static readonly Expression<Func<DateOnly?, ProgressStatus?, DateOnly?, DateOnly, DateOnly, Standing>> Rule =
        (dueOn, status, expiresOn, today, expiringBy) =>
            status == ProgressStatus.Completed || status == ProgressStatus.Passed
                ? (expiresOn != null && expiresOn < today ? Standing.Expired
                    : expiresOn != null && expiresOn <= expiringBy ? Standing.Expiring
                    : Standing.Completed)
                : dueOn != null && dueOn < today ? Standing.Overdue
                : status == null || status == ProgressStatus.NotStarted ? Standing.NotStarted
                : Standing.InProgress;

    private static readonly Func<DateOnly?, ProgressStatus?, DateOnly?, DateOnly, DateOnly, Standing> Compiled = Rule.Compile();

    public static Standing Of(DateOnly? dueOn, EnrolmentProgress? progress, DateOnly today) =>
        Compiled(dueOn, progress?.Status, progress?.ExpiresOn, today, today.AddDays(ExpiringWithinDays));

    /// The enrolments, each with its progress row and its standing on <paramref name="today"/>, as a query:
    /// filter, group and count on it and the database does the work.
    public static IQueryable<EnrolmentStandingRow> WithStanding(this IQueryable<Enrolment> enrolments, IQueryable<EnrolmentProgress> progress, DateOnly today)
    {
        var joined = from e in enrolments
                     from p in progress.Where(p => p.EnrolmentId == e.Id).DefaultIfEmpty()
                     select new EnrolmentStandingRow { Enrolment = e, Progress = p };
        return joined.Select(StandingOf(today));
    }

    /// Rewrites the rule's parameters into the row's members; the days become query parameters (closures).
    private static Expression<Func<EnrolmentStandingRow, EnrolmentStandingRow>> StandingOf(DateOnly today)
    {
        var day = new Days(today, today.AddDays(ExpiringWithinDays));
        var row = Expression.Parameter(typeof(EnrolmentStandingRow), "row");
        var enrolment = Expression.Property(row, nameof(EnrolmentStandingRow.Enrolment));
        var progress = Expression.Property(row, nameof(EnrolmentStandingRow.Progress));
        var days = Expression.Constant(day);
        var body = new Substitute(new Dictionary<ParameterExpression, Expression>
        {
            [Rule.Parameters[0]] = Expression.Property(enrolment, nameof(Enrolment.DueOn)),
            [Rule.Parameters[1]] = Expression.Convert(Expression.Property(progress, nameof(EnrolmentProgress.Status)), typeof(ProgressStatus?)),
            [Rule.Parameters[2]] = Expression.Property(progress, nameof(EnrolmentProgress.ExpiresOn)),
            [Rule.Parameters[3]] = Expression.Property(days, nameof(Days.Today)),
            [Rule.Parameters[4]] = Expression.Property(days, nameof(Days.ExpiringBy)),
        }).Visit(Rule.Body);
        var init = Expression.MemberInit(Expression.New(typeof(EnrolmentStandingRow)),
            Expression.Bind(typeof(EnrolmentStandingRow).GetProperty(nameof(EnrolmentStandingRow.Enrolment))!, enrolment),
            Expression.Bind(typeof(EnrolmentStandingRow).GetProperty(nameof(EnrolmentStandingRow.Progress))!, progress),
            Expression.Bind(typeof(EnrolmentStandingRow).GetProperty(nameof(EnrolmentStandingRow.Standing))!, body));
        return Expression.Lambda<Func<EnrolmentStandingRow, EnrolmentStandingRow>>(init, row);
    }

    private sealed record Days(DateOnly Today, DateOnly ExpiringBy);

    private sealed class Substitute(Dictionary<ParameterExpression, Expression> map) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => map.TryGetValue(node, out var to) ? to : node;
    }
}
