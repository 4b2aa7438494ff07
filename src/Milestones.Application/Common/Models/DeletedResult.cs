using System.Text.Json.Serialization;

namespace Milestones.Application.Common.Models;

/// <summary>The answer of a delete: <c>{"id": n, "deleted": true, ...}</c>.</summary>
public record DeletedResult([property: JsonPropertyOrder(-2)] long Id)
{
    [JsonPropertyOrder(-1)]
    public bool Deleted => true;
}
