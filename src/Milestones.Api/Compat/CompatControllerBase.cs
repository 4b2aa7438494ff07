using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Milestones.Api.Infrastructure;
using Milestones.Application.Common.Models;
using Milestones.Application.Milestones;
using Milestones.Application.Milestones.Queries.ListMilestones;

namespace Milestones.Api.Compat;

/// <summary>
/// What every dialect's controller shares: ids in the seed's shapes, and the seeds' unpaged lists read
/// through the same paged query as <c>/api/v1</c>. A dialect builds the request, sends it and shapes
/// the answer; it decides no rule of its own.
/// </summary>
public abstract class CompatControllerBase : ApiControllerBase
{
    /// <summary>The most a seed's unpaged list answers (SPEC 10: every match up to 1,000).</summary>
    public const int MaxListed = 1_000;

    /// <summary>Whether <paramref name="controller"/> serves a dialect (no ETags, no If-Match there).</summary>
    public static bool Serves(Type controller) => typeof(CompatControllerBase).IsAssignableFrom(controller);

    /// <summary>
    /// Our id from a seed's id text (digits, after an optional <paramref name="prefix"/> such as <c>ms_</c>);
    /// text that cannot be an id names nothing, so it is the resource's 404.
    /// </summary>
    protected static long IdOrNotFound(string? text, string resource, string? prefix = null)
    {
        var digits = prefix is not null && text is not null && text.StartsWith(prefix, StringComparison.Ordinal) ? text[prefix.Length..] : text;
        return digits is { Length: > 0 and <= 19 } && digits.All(char.IsAsciiDigit)
            && long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0
            ? id
            : throw new Application.Common.Exceptions.NotFoundException(resource, text ?? "");
    }

    /// <summary>
    /// A live milestone the caller may read (404 otherwise, named as the client sent it). Three of the seeds have no
    /// default milestone, so for them (<paramref name="categorisedOnly"/>) it is no milestone either.
    /// </summary>
    protected async Task<MilestoneDto> LiveMilestoneAsync(long id, object sentAs, bool categorisedOnly, CancellationToken ct)
    {
        var milestone = await Sender.Send(new Application.Milestones.Queries.GetMilestone.GetMilestoneQuery(id), ct);
        return milestone.DeletedAt is null && (!categorisedOnly || milestone.Type == Domain.Enums.MilestoneType.Categorised)
            ? milestone
            : throw new Application.Common.Exceptions.NotFoundException("Milestone", sentAs);
    }

    /// <summary>Every milestone the query matches, up to <see cref="MaxListed"/>, read a page at a time.</summary>
    protected async Task<IReadOnlyList<MilestoneDto>> AllAsync(ListMilestonesQuery query, CancellationToken ct)
    {
        var all = new List<MilestoneDto>();
        while (all.Count < MaxListed)
        {
            var page = await Sender.Send(query with { Limit = Paging.MaxLimit, Offset = all.Count, Page = null }, ct);
            all.AddRange(page.Items);
            if (page.Items.Count < Paging.MaxLimit || all.Count >= page.Count)
            {
                break;
            }
        }

        return all.Count > MaxListed ? all[..MaxListed] : all;
    }
}
