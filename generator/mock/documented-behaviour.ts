// What Graph's API reference says its servers do that the metadata does not carry: the properties answered
// by default (null when unset), values the server fills in on create, secrets never answered, properties
// required on create, page sizes, statuses. One row per documented fact, each naming its reference page
// (microsoftgraph/microsoft-graph-docs-contrib, api-reference/v1.0/api/<page>.md); documented-behaviours.ts
// resolves them against the model and applies each to the type it names and the types derived from it.
// docs/mock-behaviour.md says how to add a row.

/** A value the server fills in on create when the body has none. */
export type ServerValue =
  | { readonly constant: unknown }
  /** A new GUID (an application's appId). */
  | { readonly generated: "guid" }
  /** A new opaque string (an event's iCalUId). */
  | { readonly generated: "text" }
  /** A new security identifier, `S-1-12-1-...` (a security group's securityIdentifier). */
  | { readonly generated: "sid" }
  /** The time of the request. */
  | { readonly generated: "now" }
  /** The named properties' values joined by a space (a contact's displayName from givenName and surname). */
  | { readonly composed: readonly string[] }
  /** The signed-in user as an `emailAddress` recipient (`{ emailAddress: { name, address } }`): an event's organizer. */
  | { readonly signedIn: "recipient" }
  /** The signed-in user as an `identitySet` (`{ user: { id, displayName } }`): a list item's createdBy. */
  | { readonly signedIn: "identitySet" };

export type BehaviourRule =
  /** Answered when no `$select` is given; unset ones as null (`[]` for a collection). Others only when selected. */
  | { readonly kind: "defaultSelect"; readonly properties: readonly string[] }
  /** Answered as null (`[]` for a collection) when unset; the type answers every property by default. */
  | { readonly kind: "answeredUnset"; readonly properties: readonly string[] }
  /** Answered only when `$select` names them. */
  | { readonly kind: "selectOnly"; readonly properties: readonly string[] }
  | { readonly kind: "serverValue"; readonly property: string; readonly value: ServerValue }
  /** Write-only: answered as `******` (masked) or never (omitted). */
  | { readonly kind: "secret"; readonly property: string; readonly answer: "masked" | "omitted" }
  | { readonly kind: "requiredOnCreate"; readonly properties: readonly string[] }
  /** Items per page of a collection of the type when `$top` is not given. */
  | { readonly kind: "pageSize"; readonly size: number }
  /** PATCH answers 200 with the updated entity instead of 204. */
  | { readonly kind: "updateAnswersEntity" }
  /** A bound action answers this status (and no body) instead of 204. */
  | { readonly kind: "actionStatus"; readonly action: string; readonly status: number };

export interface BehaviourRow {
  /** The entity or complex type (full name); the row applies to the types derived from it too. */
  readonly type: string;
  /** The reference page (`api-reference/v1.0/api/<name>.md` or `.../resources/<name>.md`), the commit it was read at, and what it says, quoted or shown by its example. */
  readonly page: string;
  readonly commit: string;
  readonly says: string;
  readonly rule: BehaviourRule;
}

const USER_DEFAULT = ["businessPhones", "displayName", "givenName", "id", "jobTitle", "mail", "mobilePhone", "officeLocation", "preferredLanguage", "surname", "userPrincipalName"];
// group-post-groups' create_prepopulated_group answer lists every property a group answers by default, unset ones as null.
const GROUP_DEFAULT = ["id", "deletedDateTime", "classification", "createdDateTime", "description", "displayName", "expirationDateTime", "groupTypes", "isAssignableToRole", "mail", "mailEnabled", "mailNickname", "membershipRule", "membershipRuleProcessingState", "onPremisesDomainName", "onPremisesLastSyncDateTime", "onPremisesNetBiosName", "onPremisesSamAccountName", "onPremisesSecurityIdentifier", "onPremisesSyncEnabled", "preferredDataLocation", "preferredLanguage", "proxyAddresses", "renewedDateTime", "resourceBehaviorOptions", "resourceProvisioningOptions", "securityEnabled", "securityIdentifier", "theme", "visibility", "onPremisesProvisioningErrors"];

const api = (name: string, commit: string) => ({ page: `api-reference/v1.0/api/${name}.md`, commit });
const resource = (name: string, commit: string) => ({ page: `api-reference/v1.0/resources/${name}.md`, commit });
const constant = (value: unknown): ServerValue => ({ constant: value });

export const DOCUMENTED_BEHAVIOURS: readonly BehaviourRow[] = [
  // Users
  { type: "microsoft.graph.user", ...api("user-get", "006092210852de4f617fb99583960308bc4b986a"), says: "By default, only a limited set of properties are returned (businessPhones, displayName, givenName, id, jobTitle, mail, mobilePhone, officeLocation, preferredLanguage, surname, userPrincipalName).", rule: { kind: "defaultSelect", properties: USER_DEFAULT } },
  { type: "microsoft.graph.user", ...api("user-post-users", "03c7b71e4db41c4ac68bfa53212454c3e1412d3c"), says: "The following table lists the properties that are required when you create a user (displayName, passwordProfile; accountEnabled, mailNickname and userPrincipalName too, except for the B2C example, which creates a user without them).", rule: { kind: "requiredOnCreate", properties: ["displayName", "passwordProfile"] } },
  { type: "microsoft.graph.user", ...api("user-post-users", "03c7b71e4db41c4ac68bfa53212454c3e1412d3c"), says: "create_user_from_users sends a passwordProfile and its answer has none (passwordProfile is returned only on $select).", rule: { kind: "selectOnly", properties: ["passwordProfile"] } },
  // Groups
  { type: "microsoft.graph.group", ...api("group-post-groups", "00e146a92755a19260d07a735eee6e9df034f45f"), says: "create_prepopulated_group answers the group's default properties, null or [] where unset.", rule: { kind: "defaultSelect", properties: GROUP_DEFAULT } },
  { type: "microsoft.graph.group", ...api("group-post-groups", "00e146a92755a19260d07a735eee6e9df034f45f"), says: "The following table lists the group properties that are required to create a group: displayName, mailEnabled, mailNickname, securityEnabled.", rule: { kind: "requiredOnCreate", properties: ["displayName", "mailEnabled", "mailNickname", "securityEnabled"] } },
  { type: "microsoft.graph.group", ...api("group-post-groups", "00e146a92755a19260d07a735eee6e9df034f45f"), says: "renewedDateTime: the example's new groups answer it equal to createdDateTime.", rule: { kind: "serverValue", property: "renewedDateTime", value: { generated: "now" } } },
  { type: "microsoft.graph.group", ...api("group-post-groups", "00e146a92755a19260d07a735eee6e9df034f45f"), says: "create_prepopulated_group answers a securityIdentifier (S-1-12-1-...) for a security group the request gave none.", rule: { kind: "serverValue", property: "securityIdentifier", value: { generated: "sid" } } },
  // Applications and service principals
  { type: "microsoft.graph.application", ...api("application-post-applications", "00e146a92755a19260d07a735eee6e9df034f45f"), says: "The example answers appId, the application's identifier Graph assigns, for a request that sent none.", rule: { kind: "serverValue", property: "appId", value: { generated: "guid" } } },
  { type: "microsoft.graph.application", ...api("application-post-applications", "00e146a92755a19260d07a735eee6e9df034f45f"), says: "The example answers null or [] for what the request did not set.", rule: { kind: "answeredUnset", properties: ["deletedDateTime", "isFallbackPublicClient", "applicationTemplateId", "identifierUris", "isDeviceOnlyAuthSupported", "groupMembershipClaims", "optionalClaims", "addIns", "tags", "tokenEncryptionKeyId", "appRoles", "keyCredentials", "passwordCredentials", "requiredResourceAccess"] } },
  { type: "microsoft.graph.application", ...api("application-post-applications", "00e146a92755a19260d07a735eee6e9df034f45f"), says: "The request body must contain displayName (the example sends only it).", rule: { kind: "requiredOnCreate", properties: ["displayName"] } },
  { type: "microsoft.graph.application", ...api("application-post-applications", "00e146a92755a19260d07a735eee6e9df034f45f"), says: "The example answers api for a request that sent only displayName.", rule: { kind: "serverValue", property: "api", value: constant({ requestedAccessTokenVersion: 2, acceptMappedClaims: null, knownClientApplications: [], oauth2PermissionScopes: [], preAuthorizedApplications: [] }) } },
  { type: "microsoft.graph.application", ...api("application-post-applications", "00e146a92755a19260d07a735eee6e9df034f45f"), says: "The example answers publicClient for a request that sent only displayName.", rule: { kind: "serverValue", property: "publicClient", value: constant({ redirectUris: [] }) } },
  { type: "microsoft.graph.application", ...api("application-post-applications", "00e146a92755a19260d07a735eee6e9df034f45f"), says: "The example answers info for a request that sent only displayName.", rule: { kind: "serverValue", property: "info", value: constant({ termsOfServiceUrl: null, supportUrl: null, privacyStatementUrl: null, marketingUrl: null, logoUrl: null }) } },
  { type: "microsoft.graph.application", ...api("application-post-applications", "00e146a92755a19260d07a735eee6e9df034f45f"), says: "The example answers parentalControlSettings for a request that sent only displayName.", rule: { kind: "serverValue", property: "parentalControlSettings", value: constant({ countriesBlockedForMinors: [], legalAgeGroupRule: "Allow" }) } },
  { type: "microsoft.graph.application", ...api("application-post-applications", "00e146a92755a19260d07a735eee6e9df034f45f"), says: "The example answers web for a request that sent only displayName.", rule: { kind: "serverValue", property: "web", value: constant({ redirectUris: [], homePageUrl: null, logoutUrl: null, implicitGrantSettings: { enableIdTokenIssuance: false, enableAccessTokenIssuance: false } }) } },
  { type: "microsoft.graph.servicePrincipal", ...api("serviceprincipal-post-serviceprincipals", "17ad6f8ee062b0b964a04c87abc24b53fc8312b3"), says: "The following table lists the properties that are required when you create a servicePrincipal: appId.", rule: { kind: "requiredOnCreate", properties: ["appId"] } },
  { type: "microsoft.graph.servicePrincipal", ...api("serviceprincipal-post-serviceprincipals", "17ad6f8ee062b0b964a04c87abc24b53fc8312b3"), says: "The example answers appOwnerOrganizationId, the owning tenant's id, for a request that sent only appId.", rule: { kind: "serverValue", property: "appOwnerOrganizationId", value: { generated: "guid" } } },
  { type: "microsoft.graph.servicePrincipal", ...api("serviceprincipal-post-serviceprincipals", "17ad6f8ee062b0b964a04c87abc24b53fc8312b3"), says: "The example answers info with null links for a request that sent only appId.", rule: { kind: "serverValue", property: "info", value: constant({ termsOfServiceUrl: null, supportUrl: null, privacyStatementUrl: null, marketingUrl: null, logoUrl: null }) } },
  { type: "microsoft.graph.servicePrincipal", ...api("serviceprincipal-post-serviceprincipals", "17ad6f8ee062b0b964a04c87abc24b53fc8312b3"), says: "The example answers accountEnabled true for a request that sent only appId.", rule: { kind: "serverValue", property: "accountEnabled", value: constant(true) } },
  { type: "microsoft.graph.servicePrincipal", ...api("serviceprincipal-post-serviceprincipals", "17ad6f8ee062b0b964a04c87abc24b53fc8312b3"), says: "The example answers appRoleAssignmentRequired false for a request that sent only appId.", rule: { kind: "serverValue", property: "appRoleAssignmentRequired", value: constant(false) } },
  { type: "microsoft.graph.servicePrincipal", ...api("serviceprincipal-post-serviceprincipals", "17ad6f8ee062b0b964a04c87abc24b53fc8312b3"), says: "The example answers null or [] for what the request did not set.", rule: { kind: "answeredUnset", properties: ["deletedDateTime", "homepage", "logoutUrl", "replyUrls", "tags", "addIns", "appRoles", "keyCredentials", "oauth2PermissionScopes", "passwordCredentials"] } },
  // The seed's API connectors: secrets are answered masked (basic) or not at all (the PKCS#12 upload).
  { type: "microsoft.graph.basicAuthentication", ...api("identityapiconnector-create", "02b4cba04d0426b41fe35819922b100050c5c441"), says: "create_identityapiconnector_basic_auth answers the password as ******.", rule: { kind: "secret", property: "password", answer: "masked" } },
  { type: "microsoft.graph.pkcs12Certificate", ...api("identityapiconnector-create", "02b4cba04d0426b41fe35819922b100050c5c441"), says: "authenticationConfiguration in the response is of type clientCertificateAuthentication because this represents the public information of uploaded certificates.", rule: { kind: "secret", property: "pkcs12Value", answer: "omitted" } },
  { type: "microsoft.graph.pkcs12Certificate", ...api("identityapiconnector-create", "02b4cba04d0426b41fe35819922b100050c5c441"), says: "authenticationConfiguration in the response is of type clientCertificateAuthentication because this represents the public information of uploaded certificates.", rule: { kind: "secret", property: "password", answer: "omitted" } },
  // Mail
  { type: "microsoft.graph.message", ...api("user-list-messages", "0273c463ba400fd1c477eb6800edb2eee57b1773"), says: "The default page size is 10 messages.", rule: { kind: "pageSize", size: 10 } },
  { type: "microsoft.graph.message", ...api("user-post-messages", "0273c463ba400fd1c477eb6800edb2eee57b1773"), says: "create_message_from_user answers isDraft true: a message created this way is a draft.", rule: { kind: "serverValue", property: "isDraft", value: constant(true) } },
  { type: "microsoft.graph.message", ...api("user-post-messages", "0273c463ba400fd1c477eb6800edb2eee57b1773"), says: "create_message_from_user answers isRead true.", rule: { kind: "serverValue", property: "isRead", value: constant(true) } },
  { type: "microsoft.graph.message", ...api("user-post-messages", "0273c463ba400fd1c477eb6800edb2eee57b1773"), says: "create_message_from_user answers hasAttachments false.", rule: { kind: "serverValue", property: "hasAttachments", value: constant(false) } },
  { type: "microsoft.graph.message", ...api("user-post-messages", "0273c463ba400fd1c477eb6800edb2eee57b1773"), says: "create_message_from_user answers isDeliveryReceiptRequested false.", rule: { kind: "serverValue", property: "isDeliveryReceiptRequested", value: constant(false) } },
  { type: "microsoft.graph.message", ...api("user-post-messages", "0273c463ba400fd1c477eb6800edb2eee57b1773"), says: "create_message_from_user answers isReadReceiptRequested false.", rule: { kind: "serverValue", property: "isReadReceiptRequested", value: constant(false) } },
  { type: "microsoft.graph.message", ...api("user-post-messages", "0273c463ba400fd1c477eb6800edb2eee57b1773"), says: "create_message_from_user answers categories, ccRecipients, bccRecipients and replyTo as [] when unset.", rule: { kind: "answeredUnset", properties: ["categories", "ccRecipients", "bccRecipients", "replyTo"] } },
  { type: "microsoft.graph.message", ...resource("message", "022059a6fe874efb19bf2689e95d5503865abfa5"), says: "uniqueBody is not provided by default but can be retrieved for a given message by use of the ?$select=uniqueBody query.", rule: { kind: "selectOnly", properties: ["uniqueBody"] } },
  { type: "microsoft.graph.message", ...api("user-post-messages", "0273c463ba400fd1c477eb6800edb2eee57b1773"), says: "create_message_with_headers_from_user sends internetMessageHeaders and its answer shows none (the message resource's later versions: returned only on applying a $select query option).", rule: { kind: "selectOnly", properties: ["internetMessageHeaders"] } },
  { type: "microsoft.graph.message", ...api("user-post-messages", "0273c463ba400fd1c477eb6800edb2eee57b1773"), says: "create_message_from_user answers receivedDateTime for a request that sent none.", rule: { kind: "serverValue", property: "receivedDateTime", value: { generated: "now" } } },
  { type: "microsoft.graph.message", ...api("user-post-messages", "0273c463ba400fd1c477eb6800edb2eee57b1773"), says: "create_message_from_user answers sentDateTime for a request that sent none.", rule: { kind: "serverValue", property: "sentDateTime", value: { generated: "now" } } },
  { type: "microsoft.graph.message", ...api("user-post-messages", "0273c463ba400fd1c477eb6800edb2eee57b1773"), says: "create_message_from_user answers changeKey for a request that sent none.", rule: { kind: "serverValue", property: "changeKey", value: { generated: "text" } } },
  { type: "microsoft.graph.message", ...api("user-post-messages", "0273c463ba400fd1c477eb6800edb2eee57b1773"), says: "create_message_from_user answers internetMessageId for a request that sent none.", rule: { kind: "serverValue", property: "internetMessageId", value: { generated: "text" } } },
  { type: "microsoft.graph.message", ...api("user-post-messages", "0273c463ba400fd1c477eb6800edb2eee57b1773"), says: "create_message_from_user answers parentFolderId for a request that sent none.", rule: { kind: "serverValue", property: "parentFolderId", value: { generated: "text" } } },
  { type: "microsoft.graph.message", ...api("user-post-messages", "0273c463ba400fd1c477eb6800edb2eee57b1773"), says: "create_message_from_user answers conversationId for a request that sent none.", rule: { kind: "serverValue", property: "conversationId", value: { generated: "text" } } },
  { type: "microsoft.graph.message", ...api("user-post-messages", "0273c463ba400fd1c477eb6800edb2eee57b1773"), says: "create_message_from_user answers conversationIndex for a request that sent none.", rule: { kind: "serverValue", property: "conversationIndex", value: { generated: "text" } } },
  { type: "microsoft.graph.message", ...api("user-post-messages", "0273c463ba400fd1c477eb6800edb2eee57b1773"), says: "create_message_from_user answers inferenceClassification for a request that sent none.", rule: { kind: "serverValue", property: "inferenceClassification", value: constant("focused") } },
  { type: "microsoft.graph.user", ...api("user-sendmail", "0713c450496046d1f357f9afae7a914ac6ab4277"), says: "If successful, this method returns 202 Accepted response code. It doesn't return anything in the response body.", rule: { kind: "actionStatus", action: "sendMail", status: 202 } },
  // Contacts
  { type: "microsoft.graph.contact", ...api("user-post-contacts", "017e406a430716741acc343596177c6346fba98a"), says: "create_contact_from_user sends givenName Pavel and surname Bansky and answers displayName Pavel Bansky.", rule: { kind: "serverValue", property: "displayName", value: { composed: ["givenName", "surname"] } } },
  // Calendar
  { type: "microsoft.graph.event", ...api("user-post-events", "007852ace71e63cb76552a3471aa71e7dee5f3e8"), says: "create_event_from_user answers an iCalUId the request did not send.", rule: { kind: "serverValue", property: "iCalUId", value: { generated: "text" } } },
  { type: "microsoft.graph.event", ...api("user-post-events", "007852ace71e63cb76552a3471aa71e7dee5f3e8"), says: "create_event_from_user answers the signed-in user as organizer, and isOrganizer true.", rule: { kind: "serverValue", property: "organizer", value: { signedIn: "recipient" } } },
  { type: "microsoft.graph.event", ...api("user-post-events", "007852ace71e63cb76552a3471aa71e7dee5f3e8"), says: "create_event_from_user answers the signed-in user as organizer, and isOrganizer true.", rule: { kind: "serverValue", property: "isOrganizer", value: constant(true) } },
  { type: "microsoft.graph.event", ...resource("event", "02eb1a3142fa14e36ac955f10cb8012fcd8d5933"), says: "allowNewTimeProposals: True if the meeting organizer allows invitees to propose a new time when responding, false otherwise. Optional. Default is true.", rule: { kind: "serverValue", property: "allowNewTimeProposals", value: constant(true) } },
  { type: "microsoft.graph.event", ...api("event-update", "0713c450496046d1f357f9afae7a914ac6ab4277"), says: "update_event answers HTTP/1.1 200 OK with the updated event.", rule: { kind: "updateAnswersEntity" } },
  // Lists
  { type: "microsoft.graph.listItem", ...api("listitem-create", "01784a996c3bd7a5e5415c20c478047309f7cc24"), says: "create-listitem answers createdBy and lastModifiedBy, the signed-in user, for a request that sent only fields.", rule: { kind: "serverValue", property: "createdBy", value: { signedIn: "identitySet" } } },
  { type: "microsoft.graph.listItem", ...api("listitem-create", "01784a996c3bd7a5e5415c20c478047309f7cc24"), says: "create-listitem answers createdBy and lastModifiedBy, the signed-in user, for a request that sent only fields.", rule: { kind: "serverValue", property: "lastModifiedBy", value: { signedIn: "identitySet" } } },
  { type: "microsoft.graph.fieldValueSet", ...api("listitem-update", "06473d2fa2a68f08dfeda8b4ea4a1c46f60afe9b"), says: "If successful, this method returns a 200 Ok response code and a fieldValueSet in the response body for the updated list item.", rule: { kind: "updateAnswersEntity" } },
  // Teams
  { type: "microsoft.graph.channel", ...api("channel-post", "0050578fe74d729c3c6b73f1b3bddee72b0bd971"), says: "create_channel_for_migration answers isFavoriteByDefault, email, webUrl and membershipType as null when unset (and moderationSettings, which v1.0 does not declare).", rule: { kind: "answeredUnset", properties: ["isFavoriteByDefault", "email", "webUrl", "membershipType"] } },
  { type: "microsoft.graph.chatMessage", ...api("chatmessage-post", "03c7b71e4db41c4ac68bfa53212454c3e1412d3c"), says: "post_chatmessage_1 answers messageType message for a request that sent only a body.", rule: { kind: "serverValue", property: "messageType", value: constant("message") } },
  { type: "microsoft.graph.chatMessage", ...api("chatmessage-post", "03c7b71e4db41c4ac68bfa53212454c3e1412d3c"), says: "post_chatmessage_1 answers importance normal for a request that sent only a body.", rule: { kind: "serverValue", property: "importance", value: constant("normal") } },
  { type: "microsoft.graph.chatMessage", ...api("chatmessage-post", "03c7b71e4db41c4ac68bfa53212454c3e1412d3c"), says: "post_chatmessage_1 answers locale en-us for a request that sent only a body.", rule: { kind: "serverValue", property: "locale", value: constant("en-us") } },
  { type: "microsoft.graph.chatMessage", ...api("chatmessage-post", "03c7b71e4db41c4ac68bfa53212454c3e1412d3c"), says: "post_chatmessage_1 answers null or [] for what the request did not set.", rule: { kind: "answeredUnset", properties: ["replyToId", "lastEditedDateTime", "deletedDateTime", "subject", "summary", "chatId", "policyViolation", "eventDetail", "attachments", "mentions", "reactions"] } },
];
