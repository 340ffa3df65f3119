# gnuplot -e "datafile='chart.dat'; outfile='chart.png'; servers='emulator openssh ...'" chart.gp
# chart.dat: one block per server (two blank lines between): concurrency sessions/s p99-ms
set terminal pngcairo size 1200,500 font ",10" noenhanced
set output outfile
set multiplot layout 1,2 title "Full SSH sessions (connect, password, pty shell, one command, exit) on one machine"
set logscale x 2
set xrange [0.8:80]
set xtics (1, 8, 64)
set xlabel "concurrent clients"
set grid
set key top left
set ylabel "sessions/s"
plot for [i=1:words(servers)] datafile index (i-1) using 1:2 with linespoints lw 2 pt 7 title word(servers, i)
set ylabel "p99 latency (ms)"
set logscale y
plot for [i=1:words(servers)] datafile index (i-1) using 1:3 with linespoints lw 2 pt 7 title word(servers, i)
unset multiplot
