/** Who may see a post: everyone, or seat holders, the board and staff (DOMAIN.md, "Content and visibility"). */
export type ContentVisibility = 'public' | 'members'

/** How many posts a page of a list shows. */
export const POSTS_PER_PAGE = 10

/** How many posts the feeds carry. */
export const FEED_SIZE = 20

/** The category press releases are filed under. */
export const PRESS_RELEASE = 'Press release'
