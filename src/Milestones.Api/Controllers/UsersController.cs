using Microsoft.AspNetCore.Mvc;
using Milestones.Api.Contracts;
using Milestones.Api.Infrastructure;
using Milestones.Application.Users;
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
    /// <summary>Creates a user (global admins, `admin` scope).</summary>
    [HttpPost]
    [ProducesResponseType(StatusCodes.Status201Created)]
    public async Task<ActionResult<DataEnvelope<UserDto>>> CreateUser(CreateUserRequest body, CancellationToken ct)
    {
        var user = await Sender.Send(new CreateUserCommand(body.Username ?? "", body.DisplayName, body.IsAdmin ?? false), ct);
        return CreatedAt<UsersController, UserDto>(nameof(GetUser), new { idOrUsername = user.Id }, user);
    }

    /// <summary>The caller.</summary>
    [HttpGet("me")]
    public async Task<ActionResult<DataEnvelope<UserDto>>> GetMe(CancellationToken ct) =>
        Resource(await Sender.Send(new GetUserQuery("me"), ct));

    /// <summary>A user by numeric id or username (case-insensitive).</summary>
    [HttpGet("{idOrUsername}")]
    public async Task<ActionResult<DataEnvelope<UserDto>>> GetUser(string idOrUsername, CancellationToken ct) =>
        Resource(await Sender.Send(new GetUserQuery(idOrUsername), ct));

    /// <summary>Issues a key for the caller; its secret (`key`) is shown only in this response.</summary>
    [HttpPost("me/api-keys")]
    [ProducesResponseType(StatusCodes.Status201Created)]
    public async Task<ActionResult<DataEnvelope<CreatedApiKeyDto>>> CreateMyApiKey(CreateApiKeyRequest body, CancellationToken ct)
    {
        var key = await Sender.Send(new CreateApiKeyCommand(null, body.Name ?? "", body.Scopes, body.ExpiresAt), ct);
        return CreatedAt<UsersController, CreatedApiKeyDto>(nameof(GetMyApiKey), new { keyId = key.Id }, key);
    }

    /// <summary>The caller's keys (never their secrets).</summary>
    [HttpGet("me/api-keys")]
    public async Task<ActionResult<ListEnvelope<ApiKeyDto>>> ListMyApiKeys([FromQuery] int? limit, [FromQuery] int? offset, [FromQuery] int? page, CancellationToken ct) =>
        Page(await Sender.Send(new ListApiKeysQuery(limit, offset, page), ct));

    [HttpGet("me/api-keys/{keyId:long}")]
    public async Task<ActionResult<DataEnvelope<ApiKeyDto>>> GetMyApiKey(long keyId, CancellationToken ct) =>
        Resource(await Sender.Send(new GetApiKeyQuery(keyId), ct));

    /// <summary>Revokes one of the caller's keys.</summary>
    [HttpDelete("me/api-keys/{keyId:long}")]
    public async Task<ActionResult<DataEnvelope<RevokedApiKeyResult>>> RevokeMyApiKey(long keyId, CancellationToken ct) =>
        Data(await Sender.Send(new RevokeApiKeyCommand(keyId), ct));

    /// <summary>Issues a key for another user (global admins).</summary>
    [HttpPost("{userId:long}/api-keys")]
    [ProducesResponseType(StatusCodes.Status201Created)]
    public async Task<ActionResult<DataEnvelope<CreatedApiKeyDto>>> CreateApiKeyForUser(long userId, CreateApiKeyRequest body, CancellationToken ct)
    {
        var key = await Sender.Send(new CreateApiKeyCommand(userId, body.Name ?? "", body.Scopes, body.ExpiresAt), ct);
        return CreatedAt<UsersController, CreatedApiKeyDto>(nameof(GetApiKeyOfUser), new { userId, keyId = key.Id }, key);
    }

    /// <summary>Another user's keys (global admins; never their secrets).</summary>
    [HttpGet("{userId:long}/api-keys")]
    public async Task<ActionResult<ListEnvelope<ApiKeyDto>>> ListApiKeysOfUser(long userId, [FromQuery] int? limit, [FromQuery] int? offset, [FromQuery] int? page, CancellationToken ct) =>
        Page(await Sender.Send(new ListApiKeysQuery(limit, offset, page, userId), ct));

    /// <summary>One of another user's keys (global admins): the `Location` of a key an admin issued.</summary>
    [HttpGet("{userId:long}/api-keys/{keyId:long}")]
    public async Task<ActionResult<DataEnvelope<ApiKeyDto>>> GetApiKeyOfUser(long userId, long keyId, CancellationToken ct) =>
        Resource(await Sender.Send(new GetApiKeyQuery(keyId, userId), ct));

    /// <summary>Revokes one of another user's keys (global admins).</summary>
    [HttpDelete("{userId:long}/api-keys/{keyId:long}")]
    public async Task<ActionResult<DataEnvelope<RevokedApiKeyResult>>> RevokeApiKeyOfUser(long userId, long keyId, CancellationToken ct) =>
        Data(await Sender.Send(new RevokeApiKeyCommand(keyId, userId), ct));
}
