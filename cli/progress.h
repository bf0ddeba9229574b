// A one-line progress bar for long runs (fuhua ingest): redrawn in place with
// '\r' on a terminal and erased at the end; nothing at all when disabled
// (stderr is not a terminal, or --quiet), so logs and pipes never see it.
//
//   ProgressBar bar(&std::cerr, ProgressBar::ShouldDraw(STDERR_FILENO, quiet),
//                   ProgressBar::TerminalWidth(STDERR_FILENO));
//   bar.Update(done, total, seconds);  // throttled to ~10 redraws a second
//   bar.Clear();                       // before printing anything else
#ifndef FUHUA_CLI_PROGRESS_H_
#define FUHUA_CLI_PROGRESS_H_

#include <cstddef>
#include <ostream>
#include <string>

namespace fuhua {

// " 37/300 [####----------------]  12%  45.2 files/s  ETA 0:06", never wider
// than width - 1 columns (a line filling the last column wraps on some
// terminals, and '\r' then redraws only the wrapped part). The bar is dropped
// on narrow terminals. ETA is "--:--" until a rate is known. Pure, for tests.
std::string RenderProgressLine(int done, int total, double seconds, int width);

class ProgressBar {
 public:
  ProgressBar(std::ostream* out, bool enabled, int width);
  ~ProgressBar() { Clear(); }
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;

  // Redraws when 0.1 s have passed since the last redraw, and at the last file.
  void Update(int done, int total, double seconds);
  // Erases the line if one is drawn.
  void Clear();

  // True when `fd` is a terminal and not quiet.
  static bool ShouldDraw(int fd, bool quiet);
  // Columns of the terminal on `fd`; 80 when unknown.
  static int TerminalWidth(int fd);

 private:
  std::ostream* out_;
  bool enabled_;
  int width_;
  double last_drawn_ = -1;  // seconds of the last redraw; < 0: none yet
  size_t drawn_ = 0;        // length of the line on screen
};

}  // namespace fuhua

#endif  // FUHUA_CLI_PROGRESS_H_
