/**
 * Keys under which the Teams adapter keeps conversation references: one personal chat per user
 * (`user:<AAD object id>`, the id the directory knows as the person's Teams identity) and one reference per
 * channel (`channel:<channel id>`, the id the directory uses for IT security's channel).
 */
export function userKey(aadObjectId: string): string {
  return `user:${aadObjectId}`;
}

export function channelKey(channelId: string): string {
  return `channel:${channelId}`;
}

/** The channel of a channel conversation id: `19:…@thread.tacv2;messageid=123` → `19:…@thread.tacv2`. */
export function channelOfConversation(conversationId: string): string {
  const cut = conversationId.indexOf(';messageid=');
  return cut === -1 ? conversationId : conversationId.slice(0, cut);
}
