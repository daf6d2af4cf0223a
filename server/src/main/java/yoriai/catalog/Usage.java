package yoriai.catalog;

/** In how many published cases one service was proposed and adopted. */
record Usage(long proposed, long adopted) {
  static final Usage NONE = new Usage(0, 0);
}
