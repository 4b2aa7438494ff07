using Microsoft.AspNetCore.Mvc;
using Milestones.Api.Contracts;
using Milestones.Api.Infrastructure;
using Milestones.Application.Users.Commands.CreateApiKey;
using Milestones.Application.Users.Commands.CreateUser;
using Milestones.Application.Users.Commands.RevokeApiKey;
using Milestones.Application.Users.Queries.GetApiKey;
using Milestones.Application.Users.Queries.GetUser;
using Milestones.Application.Users.Queries.ListApiKeys;

namespace Milestones.Api.Controllers;

[Route("api/v1/users")]
public sealed class UsersController : ApiControllerBase
{
    [HttpPost]
    public async Task<IActionResult> CreateUser(CreateUserRequest body, CancellationToken ct)
    {
        var user = await Sender.Send(new CreateUserCommand(body.Username ?? "", body.DisplayName, body.IsAdmin ?? false), ct);
        return CreatedResource($"/api/v1/users/{user.Id}", user);
    }

    [HttpGet("me")]
    public async Task<IActionResult> GetMe(CancellationToken ct) =>
        Resource(await Sender.Send(new GetUserQuery("me"), ct));

    [HttpGet("{idOrUsername}")]
    public async Task<IActionResult> GetUser(string idOrUsername, CancellationToken ct) =>
        Resource(await Sender.Send(new GetUserQuery(idOrUsername), ct));

    [HttpPost("me/api-keys")]
    public async Task<IActionResult> CreateMyApiKey(CreateApiKeyRequest body, CancellationToken ct)
    {
        var key = await Sender.Send(new CreateApiKeyCommand(null, body.Name ?? "", body.Scopes, body.ExpiresAt), ct);
        return CreatedResource($"/api/v1/users/me/api-keys/{key.Id}", key);
    }

    [HttpGet("me/api-keys")]
    public async Task<IActionResult> ListMyApiKeys([FromQuery] int? limit, [FromQuery] int? offset, [FromQuery] int? page, CancellationToken ct) =>
        Page(await Sender.Send(new ListApiKeysQuery(limit, offset, page), ct));

    [HttpGet("me/api-keys/{keyId:long}")]
    public async Task<IActionResult> GetMyApiKey(long keyId, CancellationToken ct) =>
        Resource(await Sender.Send(new GetApiKeyQuery(keyId), ct));

    [HttpDelete("me/api-keys/{keyId:long}")]
    public async Task<IActionResult> RevokeMyApiKey(long keyId, CancellationToken ct) =>
        Deleted(await Sender.Send(new RevokeApiKeyCommand(keyId), ct));

    [HttpPost("{userId:long}/api-keys")]
    public async Task<IActionResult> CreateApiKeyForUser(long userId, CreateApiKeyRequest body, CancellationToken ct)
    {
        var key = await Sender.Send(new CreateApiKeyCommand(userId, body.Name ?? "", body.Scopes, body.ExpiresAt), ct);
        return CreatedResource($"/api/v1/users/{userId}/api-keys/{key.Id}", key);
    }
}
