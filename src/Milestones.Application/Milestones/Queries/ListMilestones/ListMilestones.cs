using System.Linq.Expressions;
using Milestones.Application.Common.Search;
using Milestones.Application.Common.Models;

namespace Milestones.Application.Milestones.Queries.ListMilestones;

/// <summary>
/// Milestones of one project (<see cref="InProject"/>, from the route) or across every project the
/// caller may read (optionally <see cref="ProjectId"/> and <see cref="Users"/>, project owners by id or username).
/// </summary>
[RequiresScope(Scopes.Read, AllowAnonymous = true)]
public sealed record ListMilestonesQuery : IQuery<PagedList<MilestoneDto>>, IPagedQuery, IProjectRequest
{
    /// <summary>A project's own list: 404 unless the caller may read it, and deleted milestones for its admins only.</summary>
    public async ValueTask AuthorizeAsync(ProjectAccess access, CancellationToken cancellationToken)
    {
        if (InProject is { } projectId
            && (await access.ForProjectAsync(projectId, cancellationToken)) is { IsAdmin: false }
            && IncludeDeleted == true)
        {
            throw new ForbiddenAccessException("Only admins can list deleted milestones.");
        }
    }

    public long? InProject { get; init; }
    /// <summary>Only public projects' milestones, whatever else the caller may read (seed 000's list: an artist's public milestones).</summary>
    public bool PublicOnly { get; init; }
    public long? ProjectId { get; init; }
    public string? Users { get; init; }
    /// <summary>What the milestones must match; <see cref="MilestoneFilter.IsEmpty"/> when nothing narrows the list.</summary>
    public MilestoneFilter Filter { get; init; } = MilestoneFilter.None;
    public MilestoneSort? Sort { get; init; }
    public SortOrder? Order { get; init; }
    public bool? IncludeDeleted { get; init; }
    public int? Limit { get; init; }
    public int? Offset { get; init; }
    public int? Page { get; init; }
}

/// <summary>
/// Every filter of a milestone list, in one type: <see cref="IsEmpty"/> compares it with
/// <see cref="None"/> by record equality, so a filter added here can never be missed by the
/// whole-project fast path (which answers from the project's counter and a position seek).
/// </summary>
public sealed record MilestoneFilter
{
    public static readonly MilestoneFilter None = new();

    /// <summary>Any of these statuses (empty or null: all).</summary>
    public IReadOnlyList<MilestoneStatus>? Status { get; init; }
    public MilestoneType? Type { get; init; }
    public string? Search { get; init; }
    public bool? Overdue { get; init; }
    /// <summary>
    /// Inclusive bounds (SPEC 5). A date alone (<see cref="DateTimeKind.Unspecified"/>, as the Api reads
    /// <c>2027-02-01</c>) covers its whole day in UTC, so a milestone due that day matches both bounds.
    /// </summary>
    public DateTime? DueBefore { get; init; }
    public DateTime? DueAfter { get; init; }

    /// <summary>True when nothing narrows the list (an empty status list or search narrows nothing).</summary>
    public bool IsEmpty => this with { Status = Status is { Count: > 0 } ? Status : null, Search = string.IsNullOrEmpty(Search) ? null : Search } == None;

    /// <summary>
    /// Which of a project's milestone counters counts what this filter selects, when statuses alone narrow
    /// it: every live milestone, the reached ones, or the others (the default milestone, always pending,
    /// among them); null when no counter does and the matching milestones must be counted.
    /// </summary>
    public MilestoneTally? Tally
    {
        get
        {
            if (!(this with { Status = null }).IsEmpty)
            {
                return null;
            }

            var statuses = Status?.ToHashSet() ?? [];
            return statuses.Count == 0 || statuses.SetEquals(Every) ? MilestoneTally.Live
                : statuses.SetEquals(Reached) ? MilestoneTally.Reached
                : statuses.SetEquals(NotReached) ? MilestoneTally.NotReached
                : null;
        }
    }

    private static readonly MilestoneStatus[] Every = Enum.GetValues<MilestoneStatus>();
    private static readonly MilestoneStatus[] Reached = [MilestoneStatus.Reached];
    private static readonly MilestoneStatus[] NotReached = Every.Except(Reached).ToArray();
}

/// <summary>The sets of a project's live milestones its counters count (<see cref="MilestoneFilter.Tally"/>).</summary>
public enum MilestoneTally { Live, Reached, NotReached }

public sealed class ListMilestonesValidator : AbstractValidator<ListMilestonesQuery>
{
    public ListMilestonesValidator()
    {
        Include(new PagingValidator<ListMilestonesQuery>());
        RuleFor(x => x.Filter.Search).MaximumLength(200).WithMessage("search must be at most 200 characters.");
        RuleFor(x => x.Users).MaximumLength(1000).WithMessage("users must be at most 1000 characters.");
    }
}

public sealed class ListMilestonesHandler(IApplicationDbContext db, ProjectAccess access, TimeProvider clock)
    : IQueryHandler<ListMilestonesQuery, PagedList<MilestoneDto>>
{
    public async ValueTask<PagedList<MilestoneDto>> Handle(ListMilestonesQuery query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;

        // A whole project's live list is its counted milestones plus the default one: the project's
        // exact counter answers in one row instead of a count over all of them.
        var wholeProject = query is { InProject: not null, Filter.IsEmpty: true, IncludeDeleted: not true };
        if (wholeProject && query.Sort is null or MilestoneSort.Position)
        {
            // A whole project's live milestones in their order hold positions 0..count − 1 (the default
            // one at 0, the others 1..N, kept dense by every insert, move, delete and restore), so the page
            // at offset k starts at position k (k from the end when descending): a seek on the covering
            // index instead of stepping over k entries, with the count, in one compiled statement, before
            // any other query of the list is built (docs/performance.md).
            var (page, total) = await CompiledMilestoneReads.PageAsync(db, query.InProject!.Value,
                query.SkipOf(), query.TakeOf(), query.Order == SortOrder.Desc, now, cancellationToken);
            return new PagedList<MilestoneDto>(page, total, query.TakeOf(), query.SkipOf());
        }

        var milestones = query.IncludeDeleted == true ? db.Milestones.IgnoreQueryFilters() : db.Milestones;

        // The projects in scope, applied to the search index's entries too: a search the index can
        // narrow starts from its candidates (which lie in those projects) instead of the projects'
        // milestones, so the database reads a few entries rather than every milestone in scope.
        var readable = query.PublicOnly ? db.Projects.Where(p => p.Visibility == Visibility.Public).Select(p => p.Id) : access.ReadableProjectIds();
        var only = query.InProject ?? query.ProjectId;
        var term = string.IsNullOrEmpty(query.Filter.Search) ? null : SearchText.Fold(query.Filter.Search);
        var candidates = term is null ? null
            : query.InProject is { } inProject ? await MilestoneSearchIndex.CandidatesInProjectAsync(db, inProject, term, cancellationToken)
            : await MilestoneSearchIndex.CandidatesAsync(ReadablePostings(readable, only), term, cancellationToken);
        if (candidates is not null)
        {
            var ids = candidates.Ids;
            milestones = milestones.Where(m => ids.Contains(m.Id));
        }
        else
        {
            if (query.InProject is null)
            {
                milestones = milestones.Where(m => readable.Contains(m.ProjectId));
            }

            if (only is not null)
            {
                milestones = milestones.Where(m => m.ProjectId == only);
            }
        }

        if (query.InProject is null)
        {
            if (query.IncludeDeleted == true)
            {
                var administered = access.AdministeredProjectIds();
                milestones = milestones.Where(m => m.DeletedAt == null || administered.Contains(m.ProjectId));
            }

            if (!string.IsNullOrWhiteSpace(query.Users))
            {
                var parts = query.Users.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                var ids = parts.Select(p => long.TryParse(p, out var id) ? id : (long?)null).OfType<long>().ToList();
                var names = parts.Where(p => !long.TryParse(p, out _)).Select(User.Normalize).ToList();
                var owners = db.Users.Where(u => ids.Contains(u.Id) || names.Contains(u.NormalizedUsername)).Select(u => u.Id);
                milestones = milestones.Where(m => owners.Contains(m.Project!.OwnerId));
            }
        }

        milestones = Filter(milestones, query.Filter, candidates is { Exact: true } ? null : term, now);

        // A deferred join: the page's ids come from the (index-covered) filter and order alone, and
        // only those rows are read whole, so a deep page or a sorted filter does not carry every
        // skipped row through the sort (docs/performance.md).
        var (skip, take) = (query.SkipOf(), query.TakeOf());
        var pageIds = Sort(milestones, query).Select(m => m.Id).Skip(skip).Take(take);
        var rows = query.IncludeDeleted == true ? db.Milestones.IgnoreQueryFilters() : db.Milestones; // the filters reach the subquery too
        var items = await Sort(rows.Where(m => pageIds.Contains(m.Id)), query)
            .Select(MilestoneDto.ProjectionAt(now))
            .ToListAsync(cancellationToken);

        // The total: shown by a page that is not full; otherwise, for a project's list filtered by statuses
        // alone, the project's counters when they count that set (all, reached, or not reached: one row
        // instead of every match); otherwise a count of every match (docs/performance.md).
        var count = Paging.TotalShownBy(skip, take, items.Count)
            ?? (query is { InProject: { } projectId, IncludeDeleted: not true } && query.Filter.Tally is { } tally
                ? Counted(await CompiledMilestoneReads.CountsAsync(db, projectId, cancellationToken), tally)
                : await milestones.CountAsync(cancellationToken));
        return new PagedList<MilestoneDto>(items, count, take, skip);
    }

    private static int Counted(CompiledMilestoneReads.ProjectMilestoneCounts counts, MilestoneTally tally) => tally switch
    {
        MilestoneTally.Reached => counts.Reached,
        MilestoneTally.NotReached => counts.Live - counts.Reached,
        _ => counts.Live,
    };

    /// <summary>The search index's entries of the readable projects, of project <paramref name="only"/> when one is asked for.</summary>
    private IQueryable<MilestoneTrigram> ReadablePostings(IQueryable<long> readable, long? only)
    {
        var postings = db.MilestoneTrigrams.Where(t => readable.Contains(t.ProjectId));
        return only is null ? postings : postings.Where(t => t.ProjectId == only);
    }

    /// <summary>The filters, with the substring test of <paramref name="unconfirmed"/> when the search index has not already decided it.</summary>
    private static IQueryable<Milestone> Filter(IQueryable<Milestone> milestones, MilestoneFilter query, string? unconfirmed, DateTime now)
    {
        var statuses = query.Status?.Distinct().ToList() ?? [];
        if (statuses.Count > 0)
        {
            milestones = milestones.Where(m => statuses.Contains(m.Status));
        }

        if (query.Type is { } type)
        {
            milestones = milestones.Where(m => m.Type == type);
        }

        if (unconfirmed is not null)
        {
            // The folded term in the folded text: case and accents ignored in every script, the same on
            // both providers; Contains is a literal substring match, so '%' and '_' match themselves.
            // It also confirms each candidate the search index gave for a long term.
            milestones = milestones.Where(m => m.SearchText.Contains(unconfirmed));
        }

        if (query.Overdue is { } overdue)
        {
            var isOverdue = Milestone.Overdue.At(now);
            milestones = milestones.Where(overdue
                ? isOverdue
                : Expression.Lambda<Func<Milestone, bool>>(Expression.Not(isOverdue.Body), isOverdue.Parameters));
        }

        if (query.DueBefore is { Kind: DateTimeKind.Unspecified } day)
        {
            var nextDay = DateTime.SpecifyKind(day.Date.AddDays(1), DateTimeKind.Utc);
            milestones = milestones.Where(m => m.DueDate != null && m.DueDate < nextDay);
        }
        else if (query.DueBefore is { } before)
        {
            var b = ToUtc(before);
            milestones = milestones.Where(m => m.DueDate != null && m.DueDate <= b);
        }

        if (query.DueAfter is { } after)
        {
            var a = ToUtc(after); // a date alone: its midnight, the start of the day it covers
            milestones = milestones.Where(m => m.DueDate != null && m.DueDate >= a);
        }

        return milestones;
    }

    private static IQueryable<Milestone> Sort(IQueryable<Milestone> milestones, ListMilestonesQuery query)
    {
        var desc = query.Order == SortOrder.Desc;
        IOrderedQueryable<Milestone> sorted = query.Sort switch
        {
            // By the folded title (the search text starts with it): École beside Ecole, İ beside I, not after z (SPEC 5).
            MilestoneSort.Title => desc ? milestones.OrderByDescending(m => m.SearchText) : milestones.OrderBy(m => m.SearchText),
            MilestoneSort.CreatedAt => desc ? milestones.OrderByDescending(m => m.CreatedAt) : milestones.OrderBy(m => m.CreatedAt),
            MilestoneSort.UpdatedAt => desc ? milestones.OrderByDescending(m => m.UpdatedAt) : milestones.OrderBy(m => m.UpdatedAt),
            // Undated last in either order (SPEC 5), the same on every provider (SQLite and SQL Server put NULL first
            // ascending, PostgreSQL first descending).
            MilestoneSort.DueDate => desc
                ? milestones.OrderBy(m => m.DueDate == null).ThenByDescending(m => m.DueDate)
                : milestones.OrderBy(m => m.DueDate == null).ThenBy(m => m.DueDate),
            _ => desc
                ? milestones.OrderByDescending(m => m.ProjectId).ThenByDescending(m => m.Position)
                : milestones.OrderBy(m => m.ProjectId).ThenBy(m => m.Position),
        };
        return desc ? sorted.ThenByDescending(m => m.Id) : sorted.ThenBy(m => m.Id);
    }

    private static DateTime ToUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Local => value.ToUniversalTime(),
        DateTimeKind.Unspecified => DateTime.SpecifyKind(value, DateTimeKind.Utc),
        _ => value,
    };
}
