using System.Text.Json.Serialization;

namespace Milestones.Application.Common.Models;

/// <summary>A list query: <c>limit</c> (1–100, default 20) and <c>offset</c> (≥ 0) or <c>page</c> (≥ 1).</summary>
public interface IPagedQuery
{
    int? Limit { get; }

    int? Offset { get; }

    int? Page { get; }
}
