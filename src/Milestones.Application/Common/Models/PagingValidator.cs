using System.Text.Json.Serialization;

namespace Milestones.Application.Common.Models;

/// <summary>The paging rules, included by every list query's validator.</summary>
public sealed class PagingValidator<T> : AbstractValidator<T>
    where T : IPagedQuery
{
    public PagingValidator()
    {
        RuleFor(x => x.Limit).InclusiveBetween(1, Paging.MaxLimit)
            .WithMessage($"limit must be between 1 and {Paging.MaxLimit}.");
        RuleFor(x => x.Offset).GreaterThanOrEqualTo(0).WithMessage("offset must be 0 or more.");
        RuleFor(x => x.Page).GreaterThanOrEqualTo(1).WithMessage("page must be 1 or more.");
        RuleFor(x => x.Page).Null().When(x => x.Offset is not null)
            .WithMessage("Send either offset or page, not both.");
        RuleFor(x => x.Page).LessThanOrEqualTo(int.MaxValue / Paging.MaxLimit)
            .WithMessage("page is too large.");
    }
}
