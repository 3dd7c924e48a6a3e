// The example prints relu(x @ w + 1) for x = [[1,2,3],[4,5,6]], w = [[1,-1],[0,1],[1,-1]]:
// x @ w = [[1+3, -1+2-3], [4+6, -4+5-6]] = [[4, -2], [10, -5]]; + 1 and relu -> [[5, 0], [11, 0]]
def log = new File(basedir, 'build.log').text
def expected = 'f32[2, 2] [5.0, 0.0, 11.0, 0.0]'
assert log.contains(expected) : "the example's output '" + expected + "' is missing from build.log"
